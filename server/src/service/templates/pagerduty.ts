import { allOf, anyOf, entries, field as hasField, has, item, patterns } from './checklist';
import { field, impactField, ownerField } from './fields';
import { correctiveMeasuresSection, impactSection, lessonsSection, summarySection, timelineSection } from './sections';
import type { Template } from './types';

/** PagerDuty's incident response postmortem template. */
export const pagerdutyTemplate: Template = {
  id: 'pagerduty',
  name: 'PagerDuty',
  description: "Overview, What Happened, Contributing Factors, Resolution, Impact, Responders, Timeline, How'd We Do?, Action Items, Messaging.",
  source: 'PagerDuty Incident Response documentation, post-mortem template',
  sections: [
    {
      ...summarySection,
      name: 'Overview',
      aliases: ['Summary', 'Issue Summary', 'Incident Summary', 'Executive Summary', 'Incident Overview'],
      fields: [field(ownerField), field(impactField, { required: false })],
      hover: 'A short paragraph: what happened, the impact, and how it was resolved. Include the postmortem owner and meeting date above it.',
      checklist: [
        item('What happened', has(patterns.content)),
        item('The impact', anyOf(hasField('impact'), has(patterns.users), has(patterns.experienced))),
        item('How it was resolved', has(patterns.resolved)),
        item('The postmortem owner', anyOf(hasField('owner'), has(/\bowner\b|@\w/i))),
      ],
      example:
        '**Owner:** Dana Lee\n\nFrom 14:30 to 18:45 UTC notifications were delayed by up to 40 minutes for 12% of accounts after a queue consumer stalled. Restarting the consumers resolved it.',
      skeleton: 'A short description of what happened, its impact and how it was resolved.',
    },
    {
      id: 'what-happened',
      name: 'What Happened',
      aliases: ['What Happened?', 'Description', 'Incident Description', 'Chain of Events'],
      required: true,
      fields: [],
      hover: 'The story of the incident, kept apart from how to fix it: the facts, without counterfactuals ("we should have…").',
      checklist: [
        item('What happened, factually', has(patterns.content)),
        item(
          'Without counterfactuals ("should have", "could have")',
          allOf(has(patterns.content), { pattern: /^(?![\s\S]*\b(?:should|could|would) have\b)/i }),
        ),
      ],
      example:
        'At 14:28 UTC deploy 4711 changed the notification consumer configuration. At 14:30 the consumers stopped acknowledging messages and the queue began to grow.',
      skeleton: 'What happened, factually.',
    },
    {
      id: 'root-cause',
      name: 'Contributing Factors',
      aliases: ['Root Causes', 'Root Cause', 'Causes', 'Root Cause Analysis', 'Root Cause and Resolution|cause'],
      required: true,
      fields: [],
      hover: 'The factors that together caused the incident; there is rarely a single root cause. No name-and-shame, no "human error".',
      checklist: [
        item('Each contributing factor', allOf(has(patterns.taskList), has(patterns.cause))),
        item('No blame: systems, not people ("human error")', allOf(has(patterns.content), { pattern: /^(?![\s\S]*\bhuman error\b)/i })),
      ],
      example: '- The pool limit was not covered by a config test.\n- The alert threshold was above the failure point.',
      skeleton: '- A contributing factor',
      intents: [{ words: ['cause', 'causal', 'contributing', 'why', 'went wrong'] }],
    },
    {
      id: 'resolution',
      name: 'Resolution',
      aliases: ['Resolution and Recovery', 'Mitigation', 'Recovery', 'How We Fixed It'],
      required: true,
      fields: [],
      hover: 'How the incident was resolved: the temporary fix and the long-term fix.',
      checklist: [item('Temporary fix', has(patterns.temporaryFix)), item('Long-term fix', has(patterns.permanentFix))],
      example: 'Rolled back deploy 4711 (temporary fix); the long-term fix adds a config test for the consumer settings.',
      skeleton: 'The temporary fix and the long-term fix.',
      intents: [{ words: ['resolution', 'resolv', 'fix', 'recover', 'mitigat', 'solution', 'workaround', 'restor'] }],
    },
    {
      ...impactSection,
      required: true,
      hover: 'Time in SEV-1/SEV-2, notifications out of SLA, events dropped, accounts and users affected, support requests raised.',
      checklist: [
        item('Time in SEV-1 / SEV-2', allOf(has(patterns.severity), has(patterns.span))),
        item('Notifications delivered out of SLA', has(patterns.notifications)),
        item('Events dropped or not accepted', has(patterns.dropped)),
        item('Accounts and users affected', allOf(has(patterns.users), has(/\d/))),
        item('Support requests raised', has(patterns.support)),
      ],
      example:
        '- 4 hours 15 minutes in SEV-2\n- 31,000 notifications delivered out of SLA\n- No events dropped\n- 212 accounts (12%) affected\n- 37 support requests raised',
      skeleton: '- Time in SEV-1/SEV-2:\n- Notifications out of SLA:\n- Events dropped:\n- Accounts and users affected:\n- Support requests raised:',
    },
    {
      id: 'responders',
      name: 'Responders',
      aliases: ['Who Responded', 'Incident Commander', 'Attendees', 'Staff Present'],
      required: false,
      fields: [],
      hover: 'Who responded: incident commander, scribe, subject-matter experts.',
      checklist: [
        item('Incident commander', has(patterns.commander)),
        item('Scribe', has(patterns.scribe)),
        item('Subject-matter experts', has(patterns.experts)),
      ],
      example: '- IC: Dana\n- Scribe: Lee\n- SMEs: Ana (notifications), Kofi (database)',
      skeleton: '- Incident commander:\n- Scribe:\n- Subject-matter experts:',
    },
    {
      ...timelineSection,
      hover: 'Every event in UTC: when the contributing factor began, the page, status-page updates, key actions, the end of impact, with links to evidence.',
      checklist: [
        item('Times in UTC', allOf(entries(1), has(/\bUTC\b|\d:\d{2}Z\b/))),
        item('When the contributing factor began, and the page', allOf(entries(1), has(patterns.detected))),
        item('Status-page updates and key actions', allOf(entries(2), anyOf(has(/status ?page/i), has(patterns.actions)))),
        item('The end of impact', allOf(entries(2), has(patterns.resolved))),
        item('Links to evidence (graphs, logs, chat)', has(patterns.link)),
      ],
      example:
        '| Time (UTC) | Event | Data Link |\n|---|---|---|\n| 14:28 | Deploy 4711 starts | [deploy log](https://example.com/d/4711) |\n| 14:32 | On-call paged: notification lag | [alert](https://example.com/a/1) |\n| 18:45 | Queue drained: impact ends | [graph](https://example.com/g/9) |',
      skeleton: '| Time (UTC) | Event | Data Link |\n|---|---|---|\n| HH:MM | | |',
    },
    {
      ...lessonsSection,
      id: 'lessons-learned',
      name: "How'd We Do?",
      aliases: ['Lessons Learned', 'What Went Well', "What Didn't Go So Well", 'What Went Wrong', 'Retrospective'],
      required: true,
      hover: 'What went well and what did not go so well in the response.',
      checklist: [item('What went well', has(patterns.wentWell)), item("What didn't go so well", has(patterns.wentWrong))],
      example:
        "**What went well?** The page reached the right team within two minutes.\n\n**What didn't go so well?** The runbook pointed at a retired dashboard.",
      skeleton: "**What went well?**\n\n**What didn't go so well?**",
    },
    {
      id: 'action-items',
      name: 'Action Items',
      aliases: ['Action Items and Follow-ups', 'Follow-ups', 'Corrective and Preventative Measures', 'Corrective Actions', 'Next Steps'],
      required: true,
      fields: [],
      hover: 'A list of tracked tickets (e.g. JIRA), each with an owner.',
      checklist: [item('A ticket for each item', has(patterns.ticket)), item('An owner for each item', has(patterns.owner))],
      example: '- [OPS-1234](https://example.com/OPS-1234) Add a config test for the consumer settings (owner: @dana)',
      skeleton: '- [TICKET-ID] What will be done (owner)',
      intents: correctiveMeasuresSection.intents,
    },
    {
      id: 'messaging',
      name: 'Messaging',
      aliases: ['Internal Email', 'External Message', 'Communications', 'Customer Communication'],
      required: false,
      fields: [],
      hover: 'The internal email and the external message sent to customers.',
      checklist: [item('Internal email', has(patterns.internalMessage)), item('External message', has(patterns.externalMessage))],
      example:
        '**Internal email:** Notifications were delayed for 12% of accounts yesterday…\n\n**External message:** Between 14:30 and 18:45 UTC some notifications were delivered late…',
      skeleton: '**Internal email:**\n\n**External message:**',
    },
  ],
};
