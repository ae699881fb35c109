import { allOf, anyOf, entries, field as hasField, has, item, patterns } from './checklist';
import { causeField, detectionField, durationField, endField, field, impactField, startField, summaryRootCauseField } from './fields';
import { correctiveMeasuresSection, detectionSection, impactSection, lessonsSection, summarySection, timelineSection, triggerSection } from './sections';
import type { Template } from './types';

/** The postmortem template of Google's SRE book (Appendix D, "Shakespeare Sonnet++"). */
export const googleSreTemplate: Template = {
  id: 'google-sre',
  name: 'Google SRE',
  description:
    'The Google SRE book: Summary, Impact, Root Causes, Trigger, Resolution, Detection, Action Items, Lessons Learned, Timeline, Supporting information.',
  source: 'Site Reliability Engineering (Google), Example Postmortem',
  sections: [
    {
      ...summarySection,
      name: 'Summary',
      aliases: ['Issue Summary', ...summarySection.aliases.filter((a) => a !== 'Summary')],
      fields: [
        field(durationField, { required: false }),
        startField,
        endField,
        field(impactField, { required: false }),
        field(summaryRootCauseField, { required: false }),
      ],
      hover: 'One or two sentences: what happened, for how long, and the effect on users.',
      checklist: [
        item('What happened, in a sentence', has(patterns.content)),
        item('For how long', anyOf(hasField('duration'), allOf(hasField('start'), hasField('end')), has(patterns.span))),
        item('The effect on users', anyOf(hasField('impact'), has(patterns.users))),
      ],
      example:
        'Shakespeare Search was down for 66 minutes during a period of very high interest in Shakespeare, after a newly discovered sonnet was published; users got errors for about 1.2 billion queries.',
      skeleton: 'What happened, for how long, and what users saw.',
    },
    {
      ...impactSection,
      required: true,
      aliases: [...impactSection.aliases],
      hover: 'The impact on users and on the business, in numbers: lost queries, failed requests, revenue.',
      checklist: [
        item('Estimated lost queries, failed requests or affected users (numbers)', has(patterns.measured)),
        item('Revenue or business impact, if any', has(/\b(?:revenue|\$\s?\d|cost|sales|orders|no revenue|business)/i)),
      ],
      example: 'An estimated 1.21 billion queries were lost; no revenue impact.',
      skeleton: 'Estimated lost queries or failed requests, and any revenue impact.',
    },
    {
      id: 'root-cause',
      name: 'Root Causes',
      aliases: [
        'Root Cause',
        'Root Cause Analysis',
        'Contributing Factors|contributing factors',
        'What Caused the Incident',
        'Causes',
        'Root Cause and Resolution|cause',
      ],
      besideParts: ['contributing factors'],
      required: true,
      fields: [causeField],
      hover: 'The latent conditions that made the incident possible, and why they existed. Blameless: systems, not people.',
      checklist: [item('The underlying cause', anyOf(hasField('cause'), has(patterns.cause))), item('Why it was not caught earlier', has(patterns.notCaught))],
      example:
        'Cascading failure due to a combination of exceptionally high load and a resource leak when searches failed because of terms not in the corpus. The leak had never been exercised: no test searched for a missing term.',
      skeleton: 'The latent conditions that made the incident possible, and why they were not caught earlier.',
      intents: [
        { words: ['cause$', 'causes$', 'causal', 'why', 'went wrong', 'allowed this', 'led to this', 'how did this happen'] },
        { words: ['contributing', 'contributory', 'contributors'], part: 'contributing factors' },
      ],
    },
    {
      ...triggerSection,
      required: true,
      hover: 'The event that turned the latent cause into an outage: a traffic spike, a push, a configuration change.',
      checklist: [item('The event that set the latent cause off', has(patterns.trigger))],
      example: 'A latent bug triggered by a sudden increase in traffic.',
    },
    {
      id: 'resolution',
      name: 'Resolution',
      aliases: ['Resolution and Recovery', 'Mitigation', 'Mitigation and Resolution', 'Recovery', 'How We Fixed It'],
      required: true,
      fields: [],
      hover: 'What restored service: the mitigation and the fix.',
      checklist: [
        item('The mitigation that stopped the impact', has(patterns.temporaryFix)),
        item('The permanent fix', anyOf(has(patterns.permanentFix), has(/\bfix(?:ed)?\b/i))),
      ],
      example:
        'Directed traffic to a sacrificial cluster and added 10x capacity to mitigate the cascading failure; the fix for the leak was deployed the next day.',
      skeleton: 'What restored service, and the permanent fix.',
      intents: [{ words: ['resolution', 'resolv', 'fix', 'recover', 'mitigat', 'solution', 'workaround', 'restor'] }],
    },
    {
      ...detectionSection,
      required: true,
      fields: [detectionField],
      hover: 'How the incident was noticed: which alert or person, and when.',
      checklist: [
        item('What noticed it: an alert, an engineer, a customer', anyOf(hasField('detection'), has(patterns.detected))),
        item('When', has(patterns.time)),
      ],
      example: 'Borgmon detected a high level of HTTP 500s and paged on-call at 14:53.',
      skeleton: 'Which alert or person noticed the incident, and when.',
    },
    {
      id: 'action-items',
      name: 'Action Items',
      aliases: ['Action Items and Follow-ups', 'Follow-ups', 'Corrective and Preventative Measures', 'Corrective Actions', 'Next Steps', 'Recommendations'],
      required: true,
      fields: [],
      hover: 'Each action with its type (mitigate / prevent / process), owner and tracking bug.',
      checklist: [
        item('Type: mitigate, prevent or process', has(patterns.actionType)),
        item('An owner for each item', has(patterns.owner)),
        item('A bug or ticket for each item', has(patterns.ticket)),
      ],
      example: '| Action Item | Type | Owner | Bug |\n|---|---|---|---|\n| Add load shedding to the ranking service | prevent | jennifer | Bug 5554823 |',
      skeleton: '| Action Item | Type | Owner | Bug |\n|---|---|---|---|\n| | mitigate | | |',
      intents: correctiveMeasuresSection.intents,
    },
    {
      ...lessonsSection,
      required: true,
      hover: 'Three lists, in the words of the SRE book: what went well, what went wrong, and where we got lucky.',
      example:
        '**What went well:** monitoring quickly alerted us to the high rate of 500s.\n\n**What went wrong:** we are out of practice in responding to cascading failure.\n\n**Where we got lucky:** the mailing list of Shakespeare aficionados had a copy of the new sonnet.',
    },
    {
      ...timelineSection,
      hover: 'A terse, timestamped record (with the time zone) from the first sign to the end of impact.',
      checklist: [
        item('Times with the time zone', allOf(entries(2), has(patterns.zone))),
        item('The start of impact and the page', allOf(entries(1), has(patterns.detected))),
        item('Who did what, as it happened', allOf(entries(2), has(patterns.actions))),
        item('The end of impact', allOf(entries(2), has(patterns.resolved))),
      ],
      example: [
        '- **14:51 UTC** – News reports that a new Shakespeare sonnet has been discovered.',
        '- **14:53 UTC** – Traffic to Shakespeare search increases by 88x; on-call is paged.',
        '- **15:28 UTC** – On-call moved traffic to a sacrificial cluster and added capacity.',
        '- **15:59 UTC** – Search back to normal: outage ends.',
      ].join('\n'),
    },
    {
      id: 'supporting-information',
      name: 'Supporting information',
      aliases: ['Supporting Documents', 'Appendix', 'References', 'Links'],
      required: false,
      fields: [],
      hover: 'Links to dashboards, logs, chat transcripts and documents.',
      checklist: [item('Links to monitoring and evidence', has(patterns.link))],
      example: '- [Monitoring dashboard during the incident](https://example.com/dash)',
      skeleton: '- Links to dashboards, logs and documents.',
    },
  ],
};
