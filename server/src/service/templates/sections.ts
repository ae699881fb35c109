import {
  causeField,
  detectionField,
  durationField,
  endField,
  field,
  impactField,
  resolutionField,
  startField,
  summaryRootCauseField,
  triggerField,
} from './fields';
import { allOf, anyOf, entries, field as hasField, has, item, patterns } from './checklist';
import type { TemplateSection } from './types';

// Sections that several templates share. Each template takes the ones it has and may rename them.

export const summarySection: TemplateSection = {
  id: 'summary',
  name: 'Issue Summary',
  aliases: [
    'Summary',
    'Incident Summary',
    'Executive Summary',
    'Overview',
    'Incident Overview',
    'Issue Overview',
    'Outage Summary',
    'Summary of Impact',
    'Summary of the Incident',
    'Brief Description',
    'Incident Description',
    'TL;DR',
    'Abstract',
    'Issue',
    'Issue Description',
    'Problem',
    'Problem Statement',
    'Problem Description',
  ],
  required: true,
  fields: [durationField, startField, endField, impactField, summaryRootCauseField],
  hover:
    'The short version that executives read first: how long the outage lasted (start and end times with the time zone), what the impact was, and what the root cause was.',
  checklist: [
    item(
      'Duration of the outage with start and end times, including the time zone',
      allOf(anyOf(hasField('duration'), allOf(hasField('start'), hasField('end'))), has(patterns.zone)),
    ),
    item(
      'Impact: which service was down or slow, what users experienced, what share of users was affected',
      // What users experienced is the impact field itself; the check is that it measures the share affected.
      allOf(hasField('impact'), anyOf(has(patterns.measured), has(/\ball (?:users|customers|requests)\b/i))),
    ),
    item('The root cause, in a sentence or two', hasField('root-cause')),
  ],
  example: [
    '- **Duration:** 2024-01-19 15:00 – 18:30 UTC (3 hours 30 minutes)',
    '- **Impact:** Checkout API returned 500s; 30% of users could not pay.',
    '- **Root cause:** A deploy removed the connection-pool limit, exhausting database connections.',
  ].join('\n'),
  skeleton: [
    '- **Duration:** YYYY-MM-DD HH:MM – HH:MM (time zone)',
    '- **Impact:** Which service was down or slow, what users saw, and what share of users was affected.',
    '- **Root cause:** The underlying cause, in one or two sentences.',
  ].join('\n'),
  intents: [
    {
      words: ['summary', 'overview', 'synopsis', 'tldr', 'abstract', 'at a glance', 'recap'],
      // An overview of the system, its setup or a change, not of the incident.
      except: [
        'system',
        'systems',
        'architecture',
        'network',
        'setup',
        'infrastructure',
        'changes$',
        'project',
        'design',
        'stack',
        'environment',
        'topology',
        'configuration',
        'code$',
        'technolog',
        'tools$',
        'course',
        'repository',
        'week',
      ],
    },
  ],
};

export const timelineSection: TemplateSection = {
  id: 'timeline',
  name: 'Timeline',
  aliases: [
    'Incident Timeline',
    'Events Timeline',
    'Event Timeline',
    'Timeline of Events',
    'Timeline of the Incident',
    'Timeline of the Outage',
    'Chain of Events',
    'Sequence of Events',
    'Chronology',
    'Time Line',
    'Detailed Timeline',
    'Outage Timeline',
    'Incident Chronology',
    'Key Events',
  ],
  required: true,
  fields: [],
  hover: 'What happened, in order, one timestamped entry per line (`time - what happened`), with the time zone given once or on each entry.',
  checklist: [
    item('When the issue was detected and how (alert, engineer, customer report)', allOf(entries(1), has(patterns.detected))),
    item('Actions taken: what was investigated and what was assumed', allOf(entries(1), has(patterns.actions))),
    item('Misleading investigation or debugging paths', has(patterns.misleading)),
    item('Who the incident was escalated to', has(patterns.escalated)),
    item('How and when the incident was resolved', allOf(entries(1), has(patterns.resolved))),
  ],
  example: [
    '- **15:00 UTC** – Latency alert fires for the checkout API.',
    '- **15:12 UTC** – On-call suspects the database and checks replication lag (a dead end).',
    '- **16:05 UTC** – Escalated to the payments team.',
    '- **18:30 UTC** – Connection-pool limit restored; error rate back to normal.',
  ].join('\n'),
  skeleton: ['- **HH:MM (time zone)** – The issue is detected: how, and by whom.', '- **HH:MM** – What was done next.', '- **HH:MM** – Service restored.'].join(
    '\n',
  ),
  intents: [{ words: ['timeline', 'chronolog', 'time line'] }, { words: ['events', 'event'], heads: ['sequence', 'order', 'log', 'history', 'chain', 'list'] }],
};

export const rootCauseAndResolutionSection: TemplateSection = {
  id: 'root-cause',
  name: 'Root Cause and Resolution',
  aliases: [
    'Root Cause|cause',
    'Root Causes|cause',
    'Root Cause Analysis|cause',
    'Root Cause Identification|cause',
    'Contributing Factors|contributing factors',
    'Contributing Conditions Analysis|contributing factors',
    'Five Whys|five whys',
    '5 Whys|five whys',
    'What Caused the Incident|cause',
    'Cause|cause',
    'Causes|cause',
    'What Went Wrong|cause',
    'Resolution|resolution',
    'Resolution and Recovery|resolution',
    'Recovery|resolution',
    'Mitigation and Resolution|resolution',
    'Resolution and Mitigation|resolution',
    'How We Fixed It|resolution',
    'The Fix|resolution',
    'Fix|resolution',
    'Root Cause and Mitigation',
    'Root Cause and Fix',
    'Root Causes and Resolution',
    'Cause and Resolution',
    'Root Cause and Solution',
    'Root Cause and Remediation',
    'Cause and Solution',
    'Problem and Solution',
  ],
  besideParts: ['contributing factors', 'five whys'],
  required: true,
  fields: [causeField, resolutionField],
  hover: 'Explains in detail what caused the issue and in detail how it was fixed.',
  checklist: [
    item('What was causing the issue, in detail', anyOf(hasField('cause'), has(patterns.cause))),
    item('How the issue was fixed, in detail', anyOf(hasField('resolution'), has(patterns.resolved))),
  ],
  example: [
    'A deploy at 14:50 removed the `max_connections` limit from the pool configuration. Under the evening peak the',
    'application opened connections until the database refused new ones.',
    '',
    'We rolled the deploy back at 18:10, restarted the API pods at 18:25 and confirmed recovery at 18:30.',
  ].join('\n'),
  skeleton: ['**Root cause:** What was causing the issue, in detail.', '', '**Resolution:** How the issue was fixed, in detail.'].join('\n'),
  intents: [
    {
      words: ['cause$', 'causes$', 'causal', 'origin$', 'origins$', 'why', 'went wrong', 'allowed this', 'led to this', 'how did this happen', 'what caused'],
      part: 'cause',
    },
    { words: ['contributing', 'contributory', 'contributors'], part: 'contributing factors' },
    // ("Future mitigations and product improvements" are measures to come, not the resolution.)
    {
      words: ['resolution', 'resolv', 'fix', 'recover', 'mitigat', 'solution', 'solv', 'workaround', 'restor'],
      except: ['future', 'planned', 'upcoming', 'going forward', 'long term', 'long-term'],
      part: 'resolution',
    },
  ],
};

export const correctiveMeasuresSection: TemplateSection = {
  id: 'corrective-actions',
  name: 'Corrective and Preventative Measures',
  aliases: [
    'Corrective and Preventive Measures',
    'Corrective Measures',
    'Preventive Measures',
    'Preventative Measures',
    'Corrective Actions',
    'Preventive Actions',
    'Corrective and Preventive Actions',
    'Action Items|actions',
    'Actions|actions',
    'Action Items and Follow-ups|actions',
    'Follow-ups|actions',
    'Follow-up Actions|actions',
    'Next Steps|actions',
    'Moving Forward|actions',
    'Going Forward|actions',
    'Looking Ahead|actions',
    'Recommendations|actions',
    'Prevention',
    'Future Prevention',
    'Mitigation and Future Prevention',
    'Preventing Recurrence',
    'Improvements',
    'Remediation',
    'Remediation Items',
    'Post-Incident Actions|actions',
    'Action Plan|actions',
    'Resulting Actions|actions',
  ],
  required: true,
  fields: [],
  hover: 'What can be improved or fixed, broadly, and a specific list of tasks (like a TODO list) that addresses the issue.',
  checklist: [
    item('What can be improved or fixed, broadly speaking', has(patterns.prose)),
    item('A specific task list: e.g. patch the server, add monitoring on memory', has(patterns.taskList)),
  ],
  example: [
    'Configuration that limits resources must be tested before it ships, and we must see saturation before users do.',
    '',
    '- [ ] Restore the pool limit and add a config test for it (owner: @dana, due 2024-02-01)',
    '- [ ] Alert on connection-pool saturation above 80%',
  ].join('\n'),
  skeleton: ['What can be improved or fixed, broadly:', '', '- [ ] A specific task (owner, due date)', '- [ ] Another task'].join('\n'),
  intents: [
    // Words that name the section on their own ("Corrective and Preventative Encore", "Follow-ups").
    {
      words: [
        'corrective',
        'preventive',
        'prevention',
        'remediat',
        'safeguard',
        'action item',
        'follow up',
        'followup',
        'next step',
        'todo',
        'to do',
        'improvement',
      ],
    },
    // "How we will stop this from happening again", "Making sure it never happens again": the aim says it.
    { words: ['happening again', 'happen again', 'happens again', 'from recurring', 'never again'] },
    // "Looking Forward", "Moving forward", "The road ahead": what is done from now on.
    { words: ['looking forward', 'moving forward', 'going forward', 'looking ahead', 'road ahead', 'way forward'] },
    // "What we will change", "What we're changing", "What we are doing about it", "What is being done about
    // this?", "What's next".
    { words: ['will change', 'are changing', 'doing about it', 'done about it', 'done about this', 'doing about this', 'whats next'] },
    // "Long term solution", "Long-term fixes": what is done so that it does not happen again.
    { words: ['long term'], heads: ['solution', 'fix', 'plan', 'measure', 'action', 'step', 'change', 'improvement', 'work'] },
    // Words that need a head noun with them ("Steps to keep this from recurring", "Future work").
    {
      words: ['prevent', 'avoid', 'recur', 'future', 'next time', 'again', 'harden', 'improv'],
      heads: ['measure', 'method', 'step', 'action', 'item', 'task', 'plan', 'safeguard', 'work', 'change', 'recommendation', 'fix', 'list', 'idea'],
    },
  ],
};

export const impactSection: TemplateSection = {
  id: 'impact',
  name: 'Impact',
  aliases: ['Customer Impact', 'User Impact', 'Business Impact', 'Affected Users', 'Outage Description', 'Scope'],
  required: false,
  fields: [],
  hover: 'Who and what was affected, in numbers: users, requests, revenue, support tickets, SLA.',
  checklist: [
    item('Affected users or accounts (numbers)', allOf(has(patterns.users), has(/\d/))),
    item('What they experienced', has(patterns.experienced)),
    item('Time in degraded state', has(patterns.span)),
  ],
  example: '- 30% of users (about 12,000 customers) saw checkout fail with 500 errors for 3.5 hours.',
  skeleton: '- Which users were affected, what they saw, how many.',
  intents: [{ words: ['impact', 'affected', 'blast radius'] }],
};

export const lessonsSection: TemplateSection = {
  id: 'lessons-learned',
  name: 'Lessons Learned',
  aliases: [
    'Lessons Learnt',
    'Lessons',
    'Learnings',
    'Takeaways',
    'Key Takeaways',
    "How'd We Do",
    'What Went Well',
    'Where We Got Lucky',
    'What Could Have Gone Better',
  ],
  required: false,
  fields: [],
  hover: 'What went well, what went wrong, and where you got lucky.',
  checklist: [
    item('What went well', has(patterns.wentWell)),
    item('What went wrong', has(patterns.wentWrong)),
    item('Where we got lucky', has(patterns.lucky)),
  ],
  example:
    '- **What went well:** the alert fired within two minutes.\n- **What went wrong:** the runbook pointed at a retired dashboard.\n- **Where we got lucky:** the incident began after the evening peak.',
  // A list, not bold lines: `**What went wrong:**` alone on a line would read as a Root Cause heading.
  skeleton: '- **What went well:**\n- **What went wrong:**\n- **Where we got lucky:**',
  intents: [{ words: ['lesson', 'learn', 'takeaway', 'went well', 'got lucky', 'reflection', 'retrospective'] }],
};

export const detectionSection: TemplateSection = {
  id: 'detection',
  name: 'Detection',
  aliases: ['Incident Detection', 'How It Was Detected', 'Detected By'],
  required: false,
  fields: [],
  hover: 'When and how the incident was detected, and how it could be detected sooner.',
  checklist: [
    item('When it was detected', has(patterns.time)),
    item('How (alert, customer, engineer)', has(patterns.detected)),
    item('How to detect it sooner', has(patterns.sooner)),
  ],
  example:
    'The `checkout-5xx` alert paged the on-call engineer at 15:02 UTC, two minutes after impact began. An alert on connection-pool saturation would have fired ten minutes sooner.',
  skeleton: 'When and how the incident was detected, and how it could be detected sooner.',
  intents: [{ words: ['detect', 'discover'] }],
};

export const triggerSection: TemplateSection = {
  id: 'trigger',
  name: 'Trigger',
  aliases: ['Triggers', 'Leadup', 'Lead-up'],
  required: false,
  fields: [],
  hover: 'What set off the latent cause: a deploy, a traffic spike, a configuration change.',
  checklist: [item('The event that triggered the incident', has(patterns.trigger))],
  example: 'A marketing email doubled traffic at 15:00 UTC.',
  skeleton: 'What set off the latent cause.',
};

export { causeField, detectionField, field, resolutionField, triggerField };
