import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { detectionFromTimeline, incidentStats } from '../../server/src/cli/stats';
import { analyze, buildCli, md, repoRoot, runCli, tempFolder } from './helpers';

// `postmortem stats`: per postmortem and in total, checked against figures worked out by hand
// from the sample postmortems' summaries and timelines.

function incident(...timeline: string[]) {
  return md(
    '# Postmortem: search returned nothing',
    '',
    '## Issue Summary',
    '',
    '- **Start:** 2024-06-02 14:20 UTC',
    '- **End:** 2024-06-02 15:35 UTC',
    '',
    '## Timeline',
    '',
    ...timeline,
    '',
  );
}

describe('stats', () => {
  describe('detection from the timeline', () => {
    it('takes the first entry at or after the start that says the incident was noticed', () => {
      const analysis = analyze(
        incident(
          '- 14:00 UTC - an alert from yesterday is closed',
          '- 14:20 UTC - reindex swaps the alias',
          '- 14:31 UTC - support receives the first tickets',
          '- 14:48 UTC - alert fires',
        ),
      );
      const detection = detectionFromTimeline(analysis);
      assert.equal(detection?.iso, '2024-06-02T14:31:00Z');
      assert.equal(detection?.line, 12);
    });

    it('does not take a clause that denies an alert', () => {
      const analysis = analyze(
        incident('- 14:30 UTC - queue depth passes 10,000; no alert is configured on depth', '- 15:05 UTC - support reports stuck orders'),
      );
      assert.equal(detectionFromTimeline(analysis)?.iso, '2024-06-02T15:05:00Z');
    });

    it('is null when no entry says so, or when the start is unknown', () => {
      assert.equal(detectionFromTimeline(analyze(incident('- 14:25 UTC - the alias is swapped back'))), null);
      assert.equal(detectionFromTimeline(analyze(md('# Postmortem: x', '', '## Timeline', '', '- 10:00 UTC - alert fires', ''))), null);
    });

    it('gives time to detect from the start and time to resolve from the detection to the end', () => {
      const stats = incidentStats([{ file: 'a.md', analysis: analyze(incident('- 14:31 UTC - paged the on-call')) }]);
      const [row] = stats.postmortems;
      assert.equal(row.durationMinutes, 75);
      assert.equal(row.timeToDetectMinutes, 11);
      assert.equal(row.timeToResolveMinutes, 64);
      assert.equal(row.date, '2024-06-02');
    });
  });

  describe('action items', () => {
    const withItems = (...items: string[]) =>
      md(
        '# Postmortem: search returned nothing',
        '',
        '## Issue Summary',
        '',
        '- **Start:** 2024-06-02 14:20 UTC',
        '- **End:** 2024-06-02 15:35 UTC',
        '',
        '## Corrective and Preventative Measures',
        '',
        ...items,
        '',
      );

    it("counts the corrective section's tasks and those still open, per postmortem and in total", () => {
      const stats = incidentStats([
        { file: 'a.md', analysis: analyze(withItems('- [x] Add an index alert (@dana)', '- [ ] Cap the query size', '- [ ] Document the rollback')) },
        {
          file: 'b.md',
          analysis: analyze(
            withItems('| Action item | Owner | Status |', '|---|---|---|', '| Rotate the key | @li | done |', '| Alert on expiry | @li | open |'),
          ),
        },
      ]);
      assert.deepEqual(
        stats.postmortems.map((r) => [r.actionItems, r.openActionItems]),
        [
          [3, 2],
          [2, 1],
        ],
      );
      assert.equal(stats.totals.openActionItems, 3);
    });

    it('counts none where the corrective section is a sentence, not a list of tasks', () => {
      const stats = incidentStats([{ file: 'c.md', analysis: analyze(withItems('We will look at the index later.')) }]);
      assert.deepEqual([stats.postmortems[0].actionItems, stats.postmortems[0].openActionItems], [0, 0]);
    });
  });

  describe('over the sample postmortems', function () {
    this.timeout(60_000);
    let folder: ReturnType<typeof tempFolder>;
    before(() => buildCli());
    beforeEach(() => {
      folder = tempFolder();
    });
    afterEach(() => folder.remove());

    // By hand, from each sample's summary (start, end) and the first timeline entry that says it was noticed:
    //   bold-headings     14:20–15:35 = 75 min; support tickets 14:31: detect 11, resolve 64
    //   complete          10:15–11:02 = 47 min; alert fires 10:15: detect 0, resolve 47
    //   emoji-headings    08:40–10:02 = 82 min; support escalates 08:55: detect 15, resolve 67
    //   missing-timeline  02:00–04:10 = 130 min; no timeline
    //   plain-labels      16:14–18:52 = 158 min; "no alert is configured" 16:31 is not it; support reports 17:05: detect 51, resolve 107
    //   setext            16:42–17:40 = 58 min; alert pages 16:49: detect 7, resolve 51
    const expected = {
      'bold-headings-postmortem.md': { date: '2024-06-02', durationMinutes: 75, timeToDetectMinutes: 11, timeToResolveMinutes: 64, missingSectionNames: [] },
      'complete-postmortem.md': { date: '2024-03-14', durationMinutes: 47, timeToDetectMinutes: 0, timeToResolveMinutes: 47, missingSectionNames: [] },
      'emoji-headings-postmortem.md': { date: '2024-11-21', durationMinutes: 82, timeToDetectMinutes: 15, timeToResolveMinutes: 67, missingSectionNames: [] },
      'missing-timeline-postmortem.md': {
        date: '2024-09-09',
        durationMinutes: 130,
        timeToDetectMinutes: null,
        timeToResolveMinutes: null,
        missingSectionNames: ['Timeline'],
      },
      'plain-labels-postmortem.md': { date: '2024-04-16', durationMinutes: 158, timeToDetectMinutes: 51, timeToResolveMinutes: 107, missingSectionNames: [] },
      'setext-postmortem.md': { date: '2024-10-03', durationMinutes: 58, timeToDetectMinutes: 7, timeToResolveMinutes: 51, missingSectionNames: [] },
    };

    it('gives each postmortem its date, duration, time to detect and resolve, and missing sections', () => {
      const result = runCli(['stats', '--format', 'json', join(repoRoot, 'samples')], folder.path);
      assert.equal(result.status, 0, result.stderr);
      const { postmortems } = JSON.parse(result.stdout);
      const byFile = Object.fromEntries(
        postmortems.map((r: Record<string, unknown>) => [
          String(r.file).split('/').pop(),
          {
            date: r.date,
            durationMinutes: r.durationMinutes,
            timeToDetectMinutes: r.timeToDetectMinutes,
            timeToResolveMinutes: r.timeToResolveMinutes,
            missingSectionNames: r.missingSectionNames,
          },
        ]),
      );
      assert.deepEqual(byFile, expected);
      const complete = postmortems.find((r: { file: string }) => r.file.endsWith('complete-postmortem.md'));
      assert.equal(complete.title, 'Postmortem: Checkout API returned 502s after a connection-pool change');
      assert.equal(complete.start, '2024-03-14T10:15:00Z');
      assert.equal(complete.end, '2024-03-14T11:02:00Z');
    });

    it('totals them: 6 incidents, 550 minutes, median 78.5, mean detect 16.8 and resolve 67.2, one a month from March to November', () => {
      const { totals } = JSON.parse(runCli(['stats', '--format', 'json', join(repoRoot, 'samples')], folder.path).stdout);
      assert.deepEqual(
        { ...totals, incidentsPerMonth: totals.incidentsPerMonth.map((m: { month: string; incidents: number }) => `${m.month}:${m.incidents}`) },
        {
          incidents: 6,
          withDuration: 6,
          withTimeToDetect: 5,
          withTimeToResolve: 5,
          totalDurationMinutes: 550, // 75 + 47 + 82 + 130 + 158 + 58
          medianDurationMinutes: 78.5, // (75 + 82) / 2
          meanTimeToDetectMinutes: 16.8, // (11 + 0 + 15 + 51 + 7) / 5
          meanTimeToResolveMinutes: 67.2, // (64 + 47 + 67 + 107 + 51) / 5
          incidentsPerMonth: ['2024-03:1', '2024-04:1', '2024-05:0', '2024-06:1', '2024-07:0', '2024-08:0', '2024-09:1', '2024-10:1', '2024-11:1'],
          undated: 0,
          openActionItems: 23, // the corrective bullets, none marked done: 4 + 4 + 4 + 4 + 4 + 3
        },
      );
    });

    it('prints the same totals in the table and the CSV', () => {
      const table = runCli(['stats', join(repoRoot, 'samples')], folder.path).stdout;
      assert.match(table, /^total duration: +9h 10m$/m);
      assert.match(table, /^median duration: +1h 18\.5m$/m);
      assert.match(table, /^mean time to detect: +16\.8m \(over 5 of 6\)$/m);
      const csv = runCli(['stats', '--format', 'csv', join(repoRoot, 'samples')], folder.path).stdout;
      assert.match(
        csv,
        /\nmetric,value\nincidents,6\ntotalDurationMinutes,550\nmedianDurationMinutes,78\.5\nmeanTimeToDetectMinutes,16\.8\nmeanTimeToResolveMinutes,67\.2\n/,
      );
    });
  });
});
