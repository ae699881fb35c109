import { allOf, anyOf, entries, field as hasField, has, item, patterns } from './checklist';
import { durationField, field, impactField, severityField, summaryRootCauseField } from './fields';
import { correctiveMeasuresSection, detectionSection, impactSection, lessonsSection, summarySection, timelineSection } from './sections';
import type { ChecklistItem, Template, TemplateSection } from './types';

interface SimpleSection {
  id: string;
  name: string;
  aliases: string[];
  besideParts?: TemplateSection['besideParts'];
  hover: string;
  checklist: ChecklistItem[];
  example: string;
  required?: boolean;
  intents?: TemplateSection['intents'];
}

/** A section without fields whose skeleton asks what the hover says. */
function simple({ required = true, ...section }: SimpleSection): TemplateSection {
  return { ...section, required, fields: [], skeleton: section.hover };
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
      checklist: [
        item('What happened', has(patterns.content)),
        item('Why', anyOf(hasField('root-cause'), has(patterns.cause), has(patterns.trigger))),
        item('Severity', anyOf(hasField('severity'), has(patterns.severity))),
        item('How long the impact lasted', anyOf(hasField('duration'), has(patterns.span))),
      ],
      example:
        'Between 14:30 and 18:45 UTC on 2024-01-19, 30% of customers could not check out. The event was triggered by deploy 4711 at 14:28. The deploy removed the connection-pool limit. This SEV-2 incident affected about 12,000 orders.',
      skeleton: 'Between HH:MM and HH:MM (time zone) on YYYY-MM-DD, N customers experienced … The event was triggered by … This SEV-N incident affected …',
    },
    simple({
      id: 'leadup',
      name: 'Leadup',
      aliases: ['Lead-up', 'Lead up', 'Background'],
      hover: 'The circumstances that led to the incident, e.g. prior changes that introduced latent bugs.',
      checklist: [item('Prior changes and conditions', has(patterns.priorChange))],
      example:
        'On 2024-01-12 the pool configuration moved to a new file that no test reads. Deploy 4711 on 2024-01-19 regenerated that file without the limit.',
    }),
    simple({
      id: 'fault',
      name: 'Fault',
      aliases: ['The Fault', 'What Failed'],
      hover: 'How the change did not work as expected, with screenshots of graphs or data if useful.',
      checklist: [
        item('What failed and how', allOf(has(patterns.content), anyOf(has(patterns.experienced), has(patterns.cause)))),
        item('Graphs or data, if useful', anyOf(has(patterns.link), has(/!\[|\bgraph|\bchart|\bdashboard|\d/i))),
      ],
      example:
        'Without a limit each API pod opened up to 400 connections; at 14:30 the database reached max_connections and refused new ones. ![connections](connections.png)',
    }),
    {
      ...impactSection,
      required: true,
      hover: 'How internal and external customers were affected, and how many support cases were raised.',
      checklist: [
        item('External customers affected, and how', allOf(has(patterns.users), has(patterns.experienced))),
        item('Internal customers or teams affected', has(/\binternal\b|\bteams?\b|\bstaff\b|\bemployees?\b|\bnone\b/i)),
        item('Support cases raised', has(patterns.support)),
      ],
      example: '30% of customers could not check out for 4 hours 15 minutes; the sales team could not take phone orders. 86 support cases were raised.',
      skeleton: 'How internal and external customers were affected, and how many support cases were raised.',
    },
    {
      ...detectionSection,
      required: true,
      hover: 'When and how the incident was detected, and how time to detection could be improved.',
      checklist: [
        item('When it was detected', has(patterns.time)),
        item('How it was detected', has(patterns.detected)),
        item('How time to detection could be improved', has(patterns.sooner)),
      ],
      example: 'The checkout-5xx alert paged on-call at 14:32 UTC. An alert on pool saturation would have fired ten minutes earlier.',
      skeleton: 'When and how the incident was detected, and how time to detection could be improved.',
    },
    simple({
      id: 'response',
      name: 'Response',
      aliases: ['Incident Response', 'Responders'],
      hover: 'Who responded, when and how, and any delays or obstacles to responding.',
      checklist: [item('Who responded and when', allOf(has(patterns.responder), has(patterns.time))), item('Delays or obstacles', has(patterns.obstacle))],
      example:
        'The on-call engineer acknowledged at 14:35 UTC and brought in the database team at 15:10. Access to the database console took 20 minutes to obtain.',
    }),
    simple({
      id: 'recovery',
      name: 'Recovery',
      aliases: ['Resolution', 'Resolution and Recovery', 'Mitigation'],
      hover: 'How and when service was restored, and how time to mitigation could be improved.',
      checklist: [
        item('How service was restored', has(patterns.resolved)),
        item('When', has(patterns.time)),
        item('How time to mitigation could be improved', has(patterns.sooner)),
      ],
      example: 'Rolling back deploy 4711 restored service at 18:45 UTC. A one-click rollback would have saved an hour.',
      intents: [{ words: ['resolution', 'resolv', 'fix', 'recover', 'mitigat', 'solution', 'workaround', 'restor'] }],
    }),
    {
      ...timelineSection,
      hover: 'A detailed timeline in UTC: lead-up, first impact, escalations, decisions, recovery.',
      checklist: [
        item('Times in UTC', allOf(entries(1), has(/\bUTC\b|\d:\d{2}Z\b/))),
        item('The lead-up and the first impact', allOf(entries(2), has(patterns.trigger))),
        item('Escalations', has(patterns.escalated)),
        item('Decisions made', has(/\bdecid|\bchose|\bagreed|\bdecision/i)),
        item('Recovery', allOf(entries(2), has(patterns.resolved))),
      ],
      example: [
        '- **14:28 UTC** – Deploy 4711 starts (lead-up).',
        '- **14:30 UTC** – First checkout errors (impact begins).',
        '- **15:10 UTC** – Escalated to the database team.',
        '- **18:10 UTC** – Decided to roll back rather than patch forward.',
        '- **18:45 UTC** – Error rate normal (recovery).',
      ].join('\n'),
    },
    simple({
      id: 'five-whys',
      name: 'Five whys',
      aliases: ['Root Cause Identification', 'The Five Whys', '5 Whys', 'Root cause identification: The Five Whys'],
      hover: 'The five whys technique: start with the impact and ask why until you reach the root cause.',
      checklist: [
        item('Starts from the impact', has(patterns.experienced)),
        item('Each why, down to the root cause', anyOf(has(patterns.whys), has(/^(?:\s*(?:\d+[.)]|[-*+])\s+.*\n){3,}/m))),
      ],
      example: [
        '1. Customers could not check out — why? The API returned 500s.',
        '2. Why? The database refused connections.',
        '3. Why? The API opened unlimited connections.',
        '4. Why? Deploy 4711 dropped the pool limit.',
        '5. Why? No test reads the generated pool configuration.',
      ].join('\n'),
    }),
    simple({
      id: 'root-cause',
      name: 'Root cause',
      aliases: ['Root Causes', 'Contributing Factors|contributing factors', 'Root Cause and Resolution|cause'],
      besideParts: ['contributing factors'],
      hover: 'The thing that needs to change to prevent this class of incident from happening again.',
      checklist: [item('The root cause, stated as what must change', allOf(has(patterns.cause), has(patterns.content)))],
      example: 'Generated configuration is not validated before deploy, so a missing pool limit reaches production.',
      intents: [{ words: ['cause$', 'causes$', 'causal'] }, { words: ['contributing', 'contributory', 'contributors'], part: 'contributing factors' }],
    }),
    simple({
      id: 'backlog-check',
      name: 'Backlog check',
      aliases: ['Backlog'],
      hover: 'Is there anything on the backlog that would have prevented this, or greatly reduced its impact?',
      checklist: [item('Related backlog items, or that there are none', has(patterns.backlog))],
      example: 'CHK-311 (validate generated config) was on the backlog since November; it would have prevented this.',
      required: false,
    }),
    simple({
      id: 'recurrence',
      name: 'Recurrence',
      aliases: ['Previous Incidents', 'Related Incidents'],
      hover: 'Has this incident (with the same root cause) happened before?',
      checklist: [item('Previous incidents with the same root cause, or that this is the first', has(patterns.recurrence))],
      example: 'It happened before: the same root cause caused HOT-1021 in August 2023.',
      required: false,
    }),
    {
      ...lessonsSection,
      required: true,
      hover: 'What was learned: what went well, what could have gone better, and where you got lucky.',
      checklist: [
        item('What went well', has(patterns.wentWell)),
        item('What could have gone better', has(patterns.wentWrong)),
        item('Where we got lucky', has(patterns.lucky)),
      ],
      example:
        '- The rollback runbook worked first time.\n- We needed an alert on pool saturation.\n- We got lucky that the incident started after the lunch peak.',
    },
    simple({
      id: 'corrective-actions',
      name: 'Corrective actions',
      aliases: ['Corrective and Preventative Measures', 'Corrective Measures', 'Action Items', 'Follow-ups', 'Next Steps', 'Priority Actions'],
      hover: 'What will be done to prevent recurrence: who is responsible, when it will be done, and where the work is tracked.',
      checklist: [item('Owner for each action', has(patterns.owner)), item('Due date', has(patterns.dueDate)), item('Tracking issue', has(patterns.ticket))],
      example: '- [ ] CHK-311 Validate generated config before deploy (owner: @dana, due 2024-02-01)',
      intents: correctiveMeasuresSection.intents,
    }),
  ],
};
