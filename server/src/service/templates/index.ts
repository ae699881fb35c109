import { atlassianTemplate } from './atlassian';
import { googleSreTemplate } from './googleSre';
import { pagerdutyTemplate } from './pagerduty';
import { standardTemplate } from './standard';
import type { Template } from './types';

export type { ChecklistCheck, ChecklistItem, Template, TemplateField, TemplateSection } from './types';

export const builtinTemplates: readonly Template[] = [standardTemplate, googleSreTemplate, pagerdutyTemplate, atlassianTemplate];

export const defaultTemplateId = 'standard';

export function findBuiltinTemplate(id: string): Template | undefined {
  return builtinTemplates.find((t) => t.id === id);
}
