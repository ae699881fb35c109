import type { TemplateField } from './types';

// Fields shared by the templates. A template copies them with `required` set as it needs.

export const durationField: TemplateField = {
  id: 'duration',
  name: 'Duration',
  aliases: ['Duration', 'Outage duration', 'Duration of the outage', 'Incident duration', 'Total duration', 'Downtime', 'Time to resolve', 'Time to recovery'],
  required: true,
  hover:
    'How long the outage lasted, with its start and end times and their time zone, e.g. `14:30 – 18:45 UTC (4 hours 15 minutes)`. The stated duration should equal end minus start.',
  placeholder: 'HH:MM – HH:MM (time zone), N hours N minutes',
};

export const startField: TemplateField = {
  id: 'start',
  name: 'Start',
  aliases: ['Start', 'Start time', 'Start date', 'Start date/time', 'Started', 'Began', 'Incident start', 'Impact start', 'Outage start', 'From'],
  required: false,
  hover: 'When the impact began (not when it was noticed), with the date and the time zone: `2024-01-19 15:00 UTC`.',
  placeholder: 'YYYY-MM-DD HH:MM (time zone)',
};

export const endField: TemplateField = {
  id: 'end',
  name: 'End',
  aliases: ['End', 'End time', 'End date', 'End date/time', 'Ended', 'Resolved', 'Resolved at', 'Incident end', 'Impact end', 'Outage end', 'Recovered', 'To'],
  required: false,
  hover: 'When the impact ended for users, with the date and the time zone: `2024-01-19 18:30 UTC`.',
  placeholder: 'YYYY-MM-DD HH:MM (time zone)',
};

export const impactField: TemplateField = {
  id: 'impact',
  name: 'Impact',
  aliases: ['Impact', 'Customer impact', 'User impact', 'Business impact', 'Affected users', 'Affected services', 'Scope', 'Scope of impact'],
  required: true,
  hover: 'Who and what was affected, in numbers: which service was down or slow, what users saw, and how many (a percentage of users, requests or accounts).',
  placeholder: 'Which service was down or slow, what users saw, and what share of users was affected',
};

export const summaryRootCauseField: TemplateField = {
  id: 'root-cause',
  name: 'Root cause',
  aliases: ['Root cause', 'Root causes', 'Cause', 'Underlying cause', 'Main cause', 'Primary cause', 'Reason', 'Contributing factors'],
  required: true,
  hover: 'One or two sentences on what caused the outage: the condition that has to change so that this class of incident cannot happen again.',
  placeholder: 'The underlying cause, in one or two sentences',
};

export const causeField: TemplateField = {
  ...summaryRootCauseField,
  id: 'cause',
  required: false,
  hover: 'In detail, what was causing the issue: the latent condition and what triggered it.',
};

export const resolutionField: TemplateField = {
  id: 'resolution',
  name: 'Resolution',
  aliases: ['Resolution', 'Fix', 'How we fixed it', 'How it was fixed', 'Mitigation', 'Remediation', 'Recovery', 'Resolution and recovery'],
  required: false,
  hover: 'In detail, how the issue was fixed: the temporary mitigation and the permanent fix.',
  placeholder: 'What restored service, and the permanent fix',
};

export const detectionField: TemplateField = {
  id: 'detection',
  name: 'Detection',
  aliases: ['Detection', 'Detected', 'Detected by', 'How detected', 'Detection time', 'Time detected'],
  required: false,
  hover: 'When and how the issue was detected: a monitoring alert, an engineer, a customer report.',
  placeholder: 'When and how the issue was detected',
};

export const triggerField: TemplateField = {
  id: 'trigger',
  name: 'Trigger',
  aliases: ['Trigger', 'Triggers', 'Triggered by'],
  required: false,
  hover: 'What set off the latent cause, e.g. a deploy, a traffic spike, a config change.',
  placeholder: 'What set the incident off',
};

export const ownerField: TemplateField = {
  id: 'owner',
  name: 'Postmortem owner',
  aliases: ['Postmortem owner', 'Owner', 'Incident commander', 'Author', 'Authors'],
  required: false,
  hover: 'Who owns this postmortem and its follow-up.',
  placeholder: 'Name',
};

export const severityField: TemplateField = {
  id: 'severity',
  name: 'Severity',
  aliases: ['Severity', 'Sev', 'Priority', 'Incident severity'],
  required: false,
  hover: "The incident severity level (e.g. SEV-1 … SEV-5) by your organisation's scale.",
  placeholder: 'SEV-N',
};

export function field(base: TemplateField, overrides: Partial<TemplateField> = {}): TemplateField {
  return { ...base, ...overrides };
}
