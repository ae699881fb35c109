import { durationField, field, impactField, severityField, summaryRootCauseField } from './fields';
import { detectionSection, impactSection, lessonsSection, summarySection, timelineSection } from './sections';
import type { Template, TemplateSection } from './types';

function simple(id: string, name: string, aliases: string[], hover: string, checklist: string[], required = true): TemplateSection {
  return { id, name, aliases, required, fields: [], hover, checklist, example: '', skeleton: hover };
}

/** Atlassian's incident handbook postmortem template. */
export const atlassianTemplate: Template = {
  id: 'atlassian',
  name: 'Atlassian',
  description:
    'Incident summary, Leadup, Fault, Impact, Detection, Response, Recovery, Timeline, Five whys, Root cause, Backlog check, Recurrence, Lessons learned, Corrective actions.',
  source: 'Atlassian Incident Management Handbook, postmortem template',
  sections: [
    {
      ...summarySection,
      name: 'Incident summary',
      fields: [
        field(durationField, { required: false }),
        field(impactField, { required: false }),
        field(summaryRootCauseField, { required: false }),
        severityField,
      ],
      hover: 'What happened, why, the severity of the incident and how long the impact lasted.',
      checklist: ['What happened', 'Why', 'Severity', 'How long the impact lasted'],
      skeleton: 'Between HH:MM and HH:MM (time zone) on YYYY-MM-DD, N customers experienced … The event was triggered by … This SEV-N incident affected …',
    },
    simple(
      'leadup',
      'Leadup',
      ['Lead-up', 'Lead up', 'Background'],
      'The circumstances that led to the incident, e.g. prior changes that introduced latent bugs.',
      ['Prior changes and conditions'],
    ),
    simple('fault', 'Fault', ['The Fault', 'What Failed'], 'How the change did not work as expected, with screenshots of graphs or data if useful.', [
      'What failed and how',
    ]),
    { ...impactSection, required: true, hover: 'How internal and external customers were affected, and how many support cases were raised.' },
    { ...detectionSection, required: true, hover: 'When and how the incident was detected, and how time to detection could be improved.' },
    simple('response', 'Response', ['Incident Response', 'Responders'], 'Who responded, when and how, and any delays or obstacles to responding.', [
      'Who responded and when',
      'Delays or obstacles',
    ]),
    simple(
      'recovery',
      'Recovery',
      ['Resolution', 'Resolution and Recovery', 'Mitigation'],
      'How and when service was restored, and how time to mitigation could be improved.',
      ['How service was restored', 'When'],
    ),
    { ...timelineSection, hover: 'A detailed timeline in UTC: lead-up, first impact, escalations, decisions, recovery.' },
    simple(
      'five-whys',
      'Five whys',
      ['Root Cause Identification', 'The Five Whys', '5 Whys', 'Root cause identification: The Five Whys'],
      'The five whys technique: start with the impact and ask why until you reach the root cause.',
      ['Each why, down to the root cause'],
    ),
    simple(
      'root-cause',
      'Root cause',
      ['Root Causes', 'Contributing Factors', 'Root Cause and Resolution|cause'],
      'The thing that needs to change to prevent this class of incident from happening again.',
      ['The root cause, stated as what must change'],
    ),
    simple(
      'backlog-check',
      'Backlog check',
      ['Backlog'],
      'Is there anything on the backlog that would have prevented this, or greatly reduced its impact?',
      ['Related backlog items'],
      false,
    ),
    simple(
      'recurrence',
      'Recurrence',
      ['Previous Incidents', 'Related Incidents'],
      'Has this incident (with the same root cause) happened before?',
      ['Previous incidents with the same root cause'],
      false,
    ),
    { ...lessonsSection, required: true },
    simple(
      'corrective-actions',
      'Corrective actions',
      ['Corrective and Preventative Measures', 'Corrective Measures', 'Action Items', 'Follow-ups', 'Next Steps', 'Priority Actions'],
      'What will be done to prevent recurrence: who is responsible, when it will be done, and where the work is tracked.',
      ['Owner for each action', 'Due date', 'Tracking issue'],
    ),
  ],
};
