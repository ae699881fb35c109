import type { TemplateField } from './types';

// Fields shared by the templates. A template copies them with `required` set as it needs.

export const durationField: TemplateField = {
  id: 'duration',
  name: 'Duration',
  aliases: [
    'Duration',
    'Outage duration',
    'Duration of the outage',
    'Incident duration',
    'Total duration',
    'Downtime',
    'Total downtime',
    'Time to resolve',
    'Time to recovery',
    'Outage length',
    'Length of the outage',
    'Incident length',
    'Impact duration',
    'Duration of impact',
  ],
  required: true,
  hover:
    'How long the outage lasted, with its start and end times and their time zone, e.g. `14:30 – 18:45 UTC (4 hours 15 minutes)`. The stated duration should equal end minus start.',
  placeholder: 'HH:MM – HH:MM (time zone), N hours N minutes',
  example: '2024-01-19 14:30 – 18:45 UTC (4 hours 15 minutes)',
};

export const startField: TemplateField = {
  id: 'start',
  name: 'Start',
  aliases: [
    'Start',
    'Start time',
    'Start date',
    'Start date/time',
    'Started',
    'Began',
    'Incident start',
    'Impact start',
    'Outage start',
    'Issue commenced',
    'Commenced',
    'From',
  ],
  required: false,
  hover: 'When the impact began (not when it was noticed), with the date and the time zone: `2024-01-19 15:00 UTC`.',
  placeholder: 'YYYY-MM-DD HH:MM (time zone)',
  example: '2024-01-19 14:30 UTC',
};

export const endField: TemplateField = {
  id: 'end',
  name: 'End',
  aliases: [
    'End',
    'End time',
    'End date',
    'End date/time',
    'Ended',
    'Resolved',
    'Resolved at',
    'Incident end',
    'Impact end',
    'Outage end',
    'Recovered',
    'Issue closed',
    'Incident closed',
    'Closed',
    'To',
  ],
  required: false,
  hover: 'When the impact ended for users, with the date and the time zone: `2024-01-19 18:30 UTC`.',
  placeholder: 'YYYY-MM-DD HH:MM (time zone)',
  example: '2024-01-19 18:45 UTC',
};

export const impactField: TemplateField = {
  id: 'impact',
  name: 'Impact',
  aliases: ['Impact', 'Customer impact', 'User impact', 'Business impact', 'Affected users', 'Affected services', 'Scope', 'Scope of impact'],
  required: true,
  hover: 'Who and what was affected, in numbers: which service was down or slow, what users saw, and how many (a percentage of users, requests or accounts).',
  placeholder: 'Which service was down or slow, what users saw, and what share of users was affected',
  example: 'The checkout API returned 500s; 30% of users (about 12,000) could not pay.',
};

export const summaryRootCauseField: TemplateField = {
  id: 'root-cause',
  name: 'Root cause',
  aliases: ['Root cause', 'Root causes', 'Cause', 'Underlying cause', 'Main cause', 'Primary cause', 'Reason', 'Contributing factors'],
  required: true,
  hover: 'One or two sentences on what caused the outage: the condition that has to change so that this class of incident cannot happen again.',
  placeholder: 'The underlying cause, in one or two sentences',
  example: 'A deploy removed the connection-pool limit, so the API exhausted the database connections under peak load.',
};

export const causeField: TemplateField = {
  ...summaryRootCauseField,
  id: 'cause',
  required: false,
  hover: 'In detail, what was causing the issue: the latent condition and what triggered it.',
  example:
    'The pool limit lived in an unvalidated config file; deploy 4711 dropped it, and the evening peak opened connections until the database refused new ones.',
};

export const resolutionField: TemplateField = {
  id: 'resolution',
  name: 'Resolution',
  aliases: ['Resolution', 'Fix', 'How we fixed it', 'How it was fixed', 'Mitigation', 'Remediation', 'Recovery', 'Resolution and recovery'],
  required: false,
  hover: 'In detail, how the issue was fixed: the temporary mitigation and the permanent fix.',
  placeholder: 'What restored service, and the permanent fix',
  example: 'Rolled back deploy 4711 at 18:10 UTC (mitigation); a config test now guards the pool limit (fix).',
};

export const detectionField: TemplateField = {
  id: 'detection',
  name: 'Detection',
  aliases: ['Detection', 'Detected', 'Detected by', 'How detected', 'Detection time', 'Time detected'],
  required: false,
  hover: 'When and how the issue was detected: a monitoring alert, an engineer, a customer report.',
  placeholder: 'When and how the issue was detected',
  example: 'The checkout-5xx alert paged the on-call engineer at 14:32 UTC, two minutes after impact began.',
};

export const triggerField: TemplateField = {
  id: 'trigger',
  name: 'Trigger',
  aliases: ['Trigger', 'Triggers', 'Triggered by'],
  required: false,
  hover: 'What set off the latent cause, e.g. a deploy, a traffic spike, a config change.',
  placeholder: 'What set the incident off',
  example: 'Deploy 4711 of the checkout API at 14:28 UTC.',
};

export const ownerField: TemplateField = {
  id: 'owner',
  name: 'Postmortem owner',
  aliases: ['Postmortem owner', 'Owner', 'Incident commander', 'Author', 'Authors'],
  required: false,
  hover: 'Who owns this postmortem and its follow-up.',
  placeholder: 'Name',
  example: 'Dana Lee (incident commander)',
};

export const severityField: TemplateField = {
  id: 'severity',
  name: 'Severity',
  aliases: ['Severity', 'Sev', 'Priority', 'Incident severity'],
  required: false,
  hover: "The incident severity level (e.g. SEV-1 … SEV-5) by your organisation's scale.",
  placeholder: 'SEV-N',
  example: 'SEV-2',
};

export function field(base: TemplateField, overrides: Partial<TemplateField> = {}): TemplateField {
  return { ...base, ...overrides };
}
