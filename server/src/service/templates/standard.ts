import {
  correctiveMeasuresSection,
  detectionSection,
  impactSection,
  lessonsSection,
  rootCauseAndResolutionSection,
  summarySection,
  timelineSection,
  triggerSection,
} from './sections';
import type { Template } from './types';

/** The Google API infrastructure structure that Holberton/ALX "0x19. Postmortem" asks for. */
export const standardTemplate: Template = {
  id: 'standard',
  name: 'Standard',
  description:
    'Issue Summary, Timeline, Root Cause and Resolution, Corrective and Preventative Measures: an issue summary with duration, impact and root cause; a timeline; root cause and resolution; corrective and preventative measures.',
  source: 'Google API infrastructure outage template, as used by Holberton/ALX 0x19',
  sections: [
    summarySection,
    impactSection,
    triggerSection,
    detectionSection,
    timelineSection,
    rootCauseAndResolutionSection,
    correctiveMeasuresSection,
    lessonsSection,
  ],
};
