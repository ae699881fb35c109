import type { ChecklistCheck, ChecklistItem } from './types';

// The words a postmortem uses when it covers a checklist item. Templates combine them into
// checks; `language/checklist.ts` evaluates the checks against a document.

export const patterns = {
  /** When/how the issue was detected. */
  detected:
    /\b(?:detect|alert|alarm|notic|monitor|pag(?:ed|er|ing)|on-?call|spotted|discover|report(?:ed|s)? (?:by|from)|(?:customers?|users?) report|complain|identif(?:ied|y)|observ|flagged|first (?:sign|report)|became aware|warn(?:ing|ed)?\b|report(?:ed|s)?\b|notified by|informed by|alerted by|learned|heard about|found an? (?:[\w-]+ )?(?:error|issue|problem|bug|outage|failure|vulnerability)|signs? of (?:an? )?(?:[\w-]+ )?(?:failure|trouble|problems?|issues?|errors?)|receiv(?:e|ed|es|ing) (?:an? )?(?:e-?mail|report|message|ticket|call|page|alert|complaint))/i,
  /** Someone else was brought in. */
  escalated:
    /\b(?:escalat|call(?:ed|ing)? (?:in|on|to)\b|paged|pulled in|looped in|brought in|roped in|handed (?:off|over)|engaged|notified|reached out|woke up|contacted|summoned|reinforcements|asked (?:the|our) \w+ team|(?:team|teams|engineers?|specialists?|experts?|lead|manager|on-?call|provider|vendor|support|admins?|dba|sre|devops) (?:(?:was|were|is|are|got|gets|get) )?(?:called|alerted|involved|informed|brought|paged)|joined|alerted (?:the|our)\b|(?:was|were) assigned\b|assigned (?:to|the)\b|handed (?:it )?to\b|took over\b|informed (?:the|our)\b|together with (?:the )?[\w-]+ team|involv(?:ed|ing) (?:the )?[\w-]+ team|handled by\b|loops? in\b|hand(?:s|ed)? (?:it )?(?:off|over)\b|wake-?up call|(?:team|engineers?|lead|on-?call) (?:gets?|got|receives?|received) (?:a |the )?(?:call|page)|(?:alerts?|pages?) (?:was |were )?sent to|alerted (?:the |our )?(?:[\w-]+ )?teams?\b|ass?ign(?:ed|s)? (?:it )?to\b|(?:ticket|case)s? (?:was |were )?(?:opened|raised|filed|logged|created) with\b|(?:reported|forwarded|passed|relat(?:ed|ing)|escalated|sent|raised) (?:it |this |the )?(?:issue |incident |problem |ticket |case )?to (?:the |our |an? )?(?:on[- ]?call|sre|site reliability|[\w-]+ team|engineers?|developers?|lead|manager|vendor|provider|support)|(?:e-?mails?|messages?|tickets?) (?:was |were )?sent to|sent (?:an? )?(?:e-?mail|message|ticket) to|acknowledged)/i,
  /** What responders did. */
  actions:
    /\b(?:investigat|check|look(?:ed|ing)? (?:at|into|for|through)|restart|roll(?:ed|ing)? ?back|revert|deploy|scal(?:ed|ing)|inspect|debug|tried|ran|queried|grepp?ed|examin|moved|added|switched|disabled|enabled|drained|failed over|patched|applied|increased|reduced|redirect|actions? taken|diagnos|troubleshoot|analy[sz]|search|test(?:ed|ing)\b|reviewed|traced|monitored|identified|interrogat|suspected|attempt|generat|replac|renew|rotat|upgrad|downgrad|remov|delet|creat|configur|updat|modif|migrat|reboot|kill|terminat|spawn|uncordon|cordon|evict|marked|used\b|describ|asked|evaluat|verif|rebuil|clear|freed? up|allocat|fix(?:ed|es|ing)?\b|correct(?:ed|ing)\b|curl|strace|ssh(?:ed)?\b|ping(?:ed)?\b|tcpdump|kubectl|review\b|decid|decision\b|successful|d(?:ove|ug) into)/i,
  /** Paths that turned out to be wrong. */
  misleading:
    /\b(?:mislead|dead[- ]end|red herring|wrong(?:ly)?|turned out|ruled out|suspect|assum|initial(?:ly)?\b|first thought|thought (?:it was|that|we)|not the cause|rabbit hole|false (?:lead|summit|trail|alarm|start)|unrelated|wild goose|(?:was|were|is|are|looks?|looked|seem(?:s|ed)?|appears?|appeared) (?:to be )?(?:working |running )?(?:fine|healthy|normal|ok(?:ay)?|in order)\b|(?:was(?:n['’]t| not)|is(?:n['’]t| not)) the (?:issue|problem|cause|culprit)\b|suggest(?:s|ed|ing)? (?:that )?(?:the (?:issue|problem) |it )?(?:might|may|could)\b|even after\b|(?:fail(?:ed|s)?|terminated|crash(?:ed|es)?|died|stopped|broke) again\b|still (?:experienc|was(?:n['’]t| not)|is(?:n['’]t| not)|did(?:n['’]t| not)|could(?:n['’]t| not)|not\b)|found nothing|no (?:change|luck|improvement|effect)\b|did(?:n['’]t| not) (?:help|work|fix|change|solve)|to no avail|in vain|blam(?:e|ed|ing) (?:it on )?the\b|maybe\b|perhaps\b|did(?:n['’]t| not) (?:reveal|show|find)|nothing happened|nothing (?:out of the ordinary|unusual|wrong)|thought\b|considered\b|hypothes|confus|(?:no|nothing)\b[^.\n]{0,30}\b(?:abnormal|unusual|suspicious|obvious)|continu(?:es|ed) to (?:fail|be|happen|occur|show)|persist(?:s|ed)\b|still (?:fail|down|broken|happen|occur|there|present|see|no\b))/i,
  /** Service came back. */
  resolved:
    /\b(?:resol(?:v|ution)|restor|recover|fix(?:ed)?|back to normal|mitigat|healthy|stable|stabili[sz]|returned to|closed|drained|all clear|impact ends|end of impact|outage ends|operational\b|solv(?:ed|es)\b|solution\b|it works\b|works again|working again|back (?:up|online|to service)|up and running|resumed|flowing again|(?:is|was|are|were) now (?:running|working|up|serving|listening|responding|available)|running (?:again|normally)|resum|incident (?:ends|ended|closed|is over|was over)|(?:goes|went) away|went back to|(?:correctly|normally|normal) again|correct(?:ed|ly)\b|as expected|came back|comes back|back to life|now (?:working|running|serving|up|back|responding|functional|operational)\b|working (?:normally|properly|fine|again)\b|(?<!not |n['’]t )properly (?:\w+ed|working|running|serving|functioning)\b|(?:status(?: code)?|returns?|returned|returning|getting|got|responds? with) (?:an? )?(?:http )?(?:code )?200\b|\b200 (?:OK|status)\b|once again (?!fail|down|broke|crash|unavailable)|usual (?:rate|levels?|speed)|re-?enabled\b|(?:account|access)s? (?:was|were|is|are) (?:re-?)?(?:enabled|unlocked|reinstated)|revok(?:ed|ing)\b|remov(?:ed|ing) (?:the |all )?(?:[\w’'-]+ ){0,2}access\b|(?:event|outage|incident) (?:is |was )?over(?![a-z])|correct (?:status|response)|(?:signing|producing|processing|syncing|serving|loading|launching|accepting|merging|flowing|responding|functioning) (?:blocks )?(?:again|normally)\b)/i,
  /** A cause is named. */
  cause: /\b(?:caus|because|due to|root|bug|misconfig|config|leak|exhaust|overload|expired|regression|race|deadlock|limit)/i,
  /** A list item or a TODO: a task list. */
  taskList: /^\s*(?:[-*+]|\d+[.)])\s+\S|\bTODO\b/im,
  /** A sentence outside any list. */
  prose: /^(?![ \t]*(?:[-*+]|\d+[.)]|\|)\s)[ \t]*[^\s#|].{24,}/m,
  /** A time zone: UTC, GMT+1, WAT, America/New_York, 15:00Z, +02:00. */
  zone: /\b(?:UTC|GMT)\b|\b[A-Z]{1,4}T\b|\b(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Za-z_]+|\d:\d{2}(?::\d{2})?Z\b|[+-]\d{2}:\d{2}\b/,
  /** A time span: `3 hours`, `90 min`, `3h30m`, `14:00 - 15:30`. */
  span: /\b\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|m|mins?|minutes?|days?)\b|\d{1,2}:\d{2}\s*(?:-|–|—|to|until|and)\s*\d{1,2}:\d{2}/i,
  /** Numbers that measure something: `30%`, `1,200 users`. */
  measured:
    /\d+(?:\.\d+)?\s*%|\b\d[\d,.]*\s*(?:k\b|thousand|million|billion)?\s*(?:users?|customers?|accounts?|requests?|orders?|tickets?|errors?|calls?|sites?|tenants?|merchants?|transactions?|queries|events?)/i,
  /** Who was affected. */
  users: /\b(?:users?|customers?|clients?|visitors?|accounts?|merchants?|tenants?|subscribers?|callers?)\b/i,
  /** What they experienced. */
  experienced: /\b(?:error|fail|slow|latenc|timeout|timed out|unavailable|down|outage|5\d\d|5xx|could not|couldn'?t|unable|degraded|broken|lost)/i,
  /** A service or system is named. */
  service: /\b(?:service|api|server|site|website|app|application|database|db|endpoint|system|platform|cluster|queue|cache|gateway|checkout|login)\b/i,
  /** The event that set it off. */
  trigger: /\b(?:deploy|release|push|change|spike|surge|traffic|migration|upgrade|config|cron|rollout|roll-out|campaign|update|launch|failover)/i,
  /** How to detect sooner. */
  sooner: /\b(?:sooner|earlier|faster|quicker|improv|could have|would have|should|next time|add(?:ed|ing)? (?:an? )?(?:alert|monitor|check))/i,
  /** A temporary fix. */
  temporaryFix: /\b(?:temporar|mitigat|workaround|roll(?:ed|ing)? ?back|revert|restart|short[- ]term|immediate|failover|stopgap)/i,
  /** A permanent fix. */
  permanentFix: /\b(?:long[- ]term|permanent|follow-?up|going forward|root fix|prevent|for good|properly)/i,
  /** Why it was not caught. */
  notCaught:
    /\b(?:not caught|wasn'?t caught|missed|no test|untested|not tested|no alert|not covered|slipped|latent|never (?:been )?(?:seen|tested|exercised)|gap)/i,
  /** An owner: `@dana`, `owner: Dana`, `(Dana)`, a name after the type column of the SRE table (not the `Owner` header). */
  owner: /@\w|\bowner\s*[:=]|\bowned by\b|\bassign(?:ed|ee)\b|\(\s*[A-Z][a-z]+\s*\)|\|\s*(?:mitigate|prevent|process|repair|detect)\s*\|\s*\w/i,
  /** A ticket: `OPS-1234`, `#123`, `bug 5554823`, a link (not the `Bug` header). */
  ticket: /\b[A-Z][A-Z0-9]+-\d+\b|#\d+\b|\b(?:bug|ticket|issue)\s*#?\d+|\bjira\b|https?:\/\/|\]\(/i,
  /** A due date. */
  dueDate: /\bdue\b|\bdeadline\b|\bby (?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4]|end of|next)|\d{4}-\d{2}-\d{2}|\bQ[1-4]\b|\bsprint\b/i,
  /** Action types of the SRE book. */
  actionType: /\b(?:mitigat|prevent|process|repair|detect)\w*/i,
  /** A link or reference. */
  link: /https?:\/\/|\]\(|\]\[/,
  wentWell: /\bwent well\b|\bworked\b|\bgood\b|\bgreat\b|\bquick(?:ly)?\b|\bhelped\b/i,
  wentWrong:
    /\bwent wrong\b|didn'?t go|could have gone better|\bpoor|\bbad\b|\bslow|\bmissed\b|\bfailed\b|\bconfus|\bdelay|\blacked\b|\bneeded\b|\bshould have\b|\bno\s/i,
  lucky: /\blu(?:ck|cky)\b|\bfortunate|\bby chance\b|\bhappened to\b/i,
  severity: /\bSEV[- ]?\d|\bseverity\b|\bP[0-4]\b/i,
  /** Notifications delivered late. */
  notifications: /\bnotification|\bSLA\b|\bdelayed\b|\blate\b/i,
  dropped: /\bdropped\b|\blost\b|\bnot accepted\b|\brejected\b|\bdiscarded\b/i,
  support: /\bsupport\b|\btickets?\b|\bcomplain|\bcontact|\bcases?\b/i,
  commander: /\bincident commander\b|\bIC\b|\bcommander\b/i,
  scribe: /\bscribe\b|\bnote[- ]?taker\b/i,
  experts: /\bsubject[- ]matter|\bSMEs?\b|\bexperts?\b|\bengineers?\b|\bteam\b/i,
  internalMessage: /\binternal\b|\bemail\b|\bslack\b|\bstaff\b/i,
  externalMessage: /\bexternal\b|\bcustomers?\b|\bstatus ?page\b|\bpublic\b|\btweet|\bblog\b/i,
  /** Three whys: the five whys technique at work. */
  whys: /(?:\bwhy\b[\s\S]*){3}/i,
  /** Earlier changes that set the scene. */
  priorChange: /\b(?:prior|previous|earlier|before|weeks? ago|days? ago|last (?:week|month)|introduc|changed|migrat|deploy)/i,
  /** Who responded and when: a name or a role, and a time. */
  responder: /\b(?:on-?call|engineer|team|SRE|responder|[A-Z][a-z]+ (?:joined|responded|acknowledged))\b|@\w/,
  time: /\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b/i,
  obstacle: /\b(?:delay|obstacle|blocked|waiting|could(?:n'?t| not)|no access|slow|took \d)/i,
  backlog: /\bbacklog\b|\bticket|\b[A-Z][A-Z0-9]+-\d+\b|\bnothing\b|\bnone\b/i,
  recurrence: /\bbefore\b|\bprevious|\bagain\b|\bfirst time\b|\bnever\b|\bsimilar\b|\brecur|\bsame\b|\bhappened\b|\blast time\b/i,
  /** Some text of its own. */
  content: /[\p{L}\p{N}]{3,}/u,
} satisfies Record<string, RegExp>;

export const has = (pattern: RegExp): ChecklistCheck => ({ pattern });
export const field = (id: string): ChecklistCheck => ({ field: id });
export const entries = (count: number): ChecklistCheck => ({ timelineEntries: count });
export const anyOf = (...checks: ChecklistCheck[]): ChecklistCheck => ({ anyOf: checks });
export const allOf = (...checks: ChecklistCheck[]): ChecklistCheck => ({ allOf: checks });
export const item = (text: string, check: ChecklistCheck): ChecklistItem => ({ text, check });

/**
 * A checklist as `.postmortemrc.json` writes it: strings, or `{ "text", "field", "timelineEntries",
 * "pattern" }` objects (a pattern is a case-insensitive regular expression). Undefined when it is not a list.
 */
export function readChecklist(value: unknown): ChecklistItem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items: ChecklistItem[] = [];
  for (const raw of value) {
    if (typeof raw === 'string') {
      items.push({ text: raw });
      continue;
    }
    if (!raw || typeof raw !== 'object' || typeof raw.text !== 'string') return undefined;
    const checks: ChecklistCheck[] = [];
    if (typeof raw.field === 'string') checks.push({ field: raw.field });
    if (typeof raw.timelineEntries === 'number') checks.push({ timelineEntries: raw.timelineEntries });
    if (typeof raw.pattern === 'string') {
      try {
        checks.push({ pattern: new RegExp(raw.pattern, 'im') });
      } catch {
        // An invalid pattern leaves the item to the default check.
      }
    }
    items.push(checks.length === 0 ? { text: raw.text } : { text: raw.text, check: checks.length === 1 ? checks[0] : { allOf: checks } });
  }
  return items;
}
