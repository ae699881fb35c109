import { duplicateSection } from './duplicate-section';
import { emptySection } from './empty-section';
import { headingSpace } from './heading-space';
import { missingField } from './missing-field';
import { missingSection } from './missing-section';
import { mojibake } from './mojibake';
import type { Rule } from './types';

export type { Finding, Fix, Rule, RuleContext } from './types';

/** Every rule, in the order their findings are listed. */
export const allRules: readonly Rule[] = [missingSection, emptySection, duplicateSection, missingField, headingSpace, mojibake];
