import { duplicateSection } from './duplicate-section';
import { durationMismatch } from './duration-mismatch';
import { emptySection } from './empty-section';
import { endBeforeStart } from './end-before-start';
import { headingSpace } from './heading-space';
import { missingDuration } from './missing-duration';
import { missingField } from './missing-field';
import { missingSection } from './missing-section';
import { missingTimezone } from './missing-timezone';
import { mojibake } from './mojibake';
import { placeholder } from './placeholder';
import { timelineOrder } from './timeline-order';
import { timelineOutsideWindow } from './timeline-outside-window';
import type { Rule } from './types';
import { unparsedTime } from './unparsed-time';
import { blameLanguage } from './blame-language';
import { impactFigure } from './impact-figure';
import { timelineCoverage } from './timeline-coverage';
import { vagueAction } from './vague-action';
import { wordCount } from './word-count';

export type { Finding, Fix, RelatedPlace, Rule, RuleContext } from './types';

/** Every rule, in the order their findings are listed. */
export const allRules: readonly Rule[] = [
  missingSection,
  emptySection,
  duplicateSection,
  missingField,
  placeholder,
  headingSpace,
  mojibake,
  missingDuration,
  durationMismatch,
  endBeforeStart,
  missingTimezone,
  unparsedTime,
  timelineOrder,
  timelineOutsideWindow,
  impactFigure,
  timelineCoverage,
  vagueAction,
  blameLanguage,
  wordCount,
];
