import * as assert from 'node:assert/strict';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Position,
  Range,
  SelectionRange,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { between, pick, type Random, seededRandom, typicalPostmortem } from '../support/postmortems';
import { answerLimitMs, openDocument, type Session, startSession, stopSession, waitFor } from './session';

// The edit-sequence fuzzer: random incremental edits of every kind (typing, deletes, pastes,
// CRLF/CR/NUL/emoji/lone surrogates, 5,000-character lines, delete-all, bursts sent with no wait)
// interleaved with every request the server answers, at positions inside and outside the text.
// After each sequence the document's state must equal a fresh open of its final text in the same
// server and in a cold one; every range answered must lie inside the text it answers for;
// publications never go back in version; no request stays unanswered for 5 s; nothing is
// published for a closed document.
//
// `npm test` runs a fixed seed and a few sequences; `npm run fuzz` runs many more
// (FUZZ_SEED, FUZZ_SEQUENCES, FUZZ_STEPS; FUZZ_ONLY=n reruns one sequence).

const seed = Number(process.env.FUZZ_SEED ?? 20261124);
const sequences = Number(process.env.FUZZ_SEQUENCES ?? (process.env.FUZZ_RUNS ? 120 : 6));
const steps = Number(process.env.FUZZ_STEPS ?? 45);
const only = process.env.FUZZ_ONLY === undefined ? undefined : Number(process.env.FUZZ_ONLY);
/** Past this size the fuzzer deletes more than it pastes, so that sequences stay quick. */
const softMaxLength = 40_000;
const now = Date.UTC(2024, 2, 9, 15, 30);

const typed = ['a', 'x', ' ', '#', ':', '-', '*', '|', '`', '1', '\n', '\r\n', '\r', '\t', '\u0000', '🚨', '\uD83D', '\uDE00', 'é', '–', '\n\n', '## ', '- '];
const pastes = [
  '## Timeline\n\n- 10:00 UTC – alert fired\n- 10:05 UTC – on-call paged\n',
  '\n## Root Cause and Resolution\n\nThe cache was sized to zero.\n',
  '- **Duration:** 2 hours\n',
  '- **Start:** 2024-03-09 14:00 UTC\n- **End:** 2024-03-09 16:30 UTC\n',
  '| Time | Event |\n|---|---|\n| 14:00 | alert |\n| 14:20 | rollback |\n',
  '```\n## not a heading\n14:00 not a time\n```\n',
  '---\npostmortem: { template: google-sre }\n---\n',
  '<!-- postmortem-disable-next-line missing-section -->\n',
  'Start Time: 25:99\nEnd: 2024-02-30\n',
  '**Summary**\n\nA short outage.\n\n**Action Items**\n\n- fix it\n',
  `- 11:00 UTC – ${'x'.repeat(5000)}\n`,
  'x'.repeat(5000),
  'â€™ ğŸš¨ Ã©\r\n',
  '\r\n# Postmortem: Pasted\r\n\r\n## Issue Summary\r\n\r\n- **Impact:** all users\r\n',
  'Setext heading\n===\n\nTimeline\n---\n',
  '\uFEFF',
];

interface Model {
  uri: string;
  version: number;
  document: TextDocument;
  texts: Map<number, string>;
  forced: boolean;
  /** At each close: the index of the clearing publication and the last version sent before it. */
  closes: { index: number; version: number }[];
}

interface Pending {
  what: string;
  answer: Promise<unknown>;
  check(answer: unknown): void;
}

function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function assertInside(text: string, range: Range, what: string): void {
  const lines = linesOf(text);
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
    assert.ok(
      Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length,
      `${what}: character ${p.character} outside line ${p.line} (${lines[p.line].length})`,
    );
  }
  assert.ok(
    !isAfter(range.start, range.end),
    `${what}: range ${JSON.stringify(range)} ends before it starts, on ${JSON.stringify(lines[range.start.line].slice(0, 80))}`,
  );
}

const isAfter = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character > b.character);
const contains = (outer: Range, inner: Range) => !isAfter(outer.start, inner.start) && !isAfter(inner.end, outer.end);

function randomPosition(random: Random, document: TextDocument, inside: boolean): Position {
  const line = between(random, 0, document.lineCount - 1);
  const length = linesOf(document.getText())[line]?.length ?? 0;
  if (inside) return { line, character: between(random, 0, length) };
  return pick(random, [
    { line: document.lineCount + between(random, 0, 50), character: 0 },
    { line, character: length + between(random, 1, 500) },
    { line: 2147483647, character: 2147483647 },
    { line: -1, character: between(random, 0, 5) },
    { line, character: -3 },
    { line: line + 0.5, character: 1.5 },
  ]);
}

function randomRange(random: Random, document: TextDocument, inside: boolean): Range {
  const a = randomPosition(random, document, inside);
  if (!inside && random() < 0.5) return { start: a, end: { line: 2147483647, character: 0 } };
  const b = random() < 0.6 ? { line: Math.max(0, a.line + between(random, 0, 3)), character: between(random, 0, 30) } : a;
  return isAfter(a, b) ? { start: b, end: a } : { start: a, end: b };
}

/** One content change, of a random kind, against the client's copy of the document. */
function randomChange(random: Random, document: TextDocument): { range?: Range; text: string; kind: string } {
  const text = document.getText();
  const big = text.length > softMaxLength;
  const roll = random();
  const at = randomPosition(random, document, true);
  if (roll < (big ? 0.2 : 0.45)) return { kind: 'type', range: { start: at, end: at }, text: pick(random, typed) };
  if (roll < (big ? 0.75 : 0.62)) {
    const end = document.positionAt(document.offsetAt(at) + (random() < 0.7 ? between(random, 1, 5) : between(random, 20, big ? 20_000 : 2000)));
    return { kind: 'delete', range: { start: at, end }, text: '' };
  }
  if (roll < 0.85) {
    const start = random() < 0.7 ? { line: at.line, character: 0 } : at;
    return { kind: 'paste', range: { start, end: start }, text: pick(random, pastes) };
  }
  if (roll < 0.9) {
    const line = linesOf(text)[at.line];
    return {
      kind: 'replace line',
      range: { start: { line: at.line, character: 0 }, end: { line: at.line, character: line.length } },
      text: pick(random, pastes).split('\n')[0],
    };
  }
  if (roll < 0.94) {
    const start = document.offsetAt({ line: at.line, character: 0 });
    const end = Math.min(text.length, start + between(random, 50, 2000));
    const eol = pick(random, ['\r\n', '\r', '\n']);
    const range = { start: document.positionAt(start), end: document.positionAt(end) };
    return { kind: `line ends ${JSON.stringify(eol)}`, range, text: text.slice(start, end).replace(/\r\n|\r|\n/g, eol) };
  }
  if (roll < 0.97) return { kind: 'delete all', range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) }, text: '' };
  return { kind: 'whole text', text: random() < 0.5 ? typicalPostmortem(random) : text.slice(0, Math.floor(text.length / 2)) };
}

function checkSymbols(text: string, symbols: DocumentSymbol[], what: string): void {
  for (const s of symbols) {
    assertInside(text, s.range, `${what} ${s.name}`);
    assertInside(text, s.selectionRange, `${what} ${s.name} selection`);
    assert.ok(contains(s.range, s.selectionRange), `${what} ${s.name}: selection range outside its range`);
    checkSymbols(text, s.children ?? [], what);
  }
}

function checkEdits(text: string, edits: TextEdit[], what: string): void {
  for (const e of edits) assertInside(text, e.range, what);
  // Overlapping edits cannot be applied; applyEdits throws on them.
  TextDocument.applyEdits(TextDocument.create('file:///check.md', 'markdown', 0, text), edits);
}

/** A request of a random kind, its answer checked against the text it was sent for. */
function randomRequest(random: Random, session: Session, model: Model): Pending {
  const { uri, document } = model;
  const text = document.getText();
  const version = model.version;
  const inside = random() < 0.6;
  const textDocument = { uri };
  const kind = between(random, 0, 9);
  switch (kind) {
    case 0: {
      const position = randomPosition(random, document, inside);
      return {
        what: `hover ${JSON.stringify(position)}`,
        answer: session.ask('textDocument/hover', { textDocument, position }),
        check: (a) => {
          const hover = a as Hover | null;
          if (hover?.range) assertInside(text, hover.range, 'hover');
        },
      };
    }
    case 1: {
      const position = randomPosition(random, document, inside);
      const triggerCharacter = pick(random, [undefined, '#', ':', ' ']);
      return {
        what: `completion ${JSON.stringify(position)}`,
        answer: session.ask('textDocument/completion', { textDocument, position, context: { triggerKind: triggerCharacter ? 2 : 1, triggerCharacter } }),
        check: (a) => {
          for (const item of (a as CompletionItem[] | null) ?? [])
            if (item.textEdit && 'range' in item.textEdit) assertInside(text, item.textEdit.range, `completion ${item.label}`);
        },
      };
    }
    case 2:
    case 3: {
      const range = randomRange(random, document, inside);
      const published = session.diagnostics.get(uri)?.at(-1)?.diagnostics ?? [];
      const diagnostics: Diagnostic[] =
        random() < 0.7 ? published.slice(0, 4) : [{ range, message: 'forged', source: 'postmortem', code: 'missing-section', data: { index: 0, version } }];
      const fixAll = random() < 0.2;
      return {
        what: `codeAction ${JSON.stringify(range)}${fixAll ? ' fixAll' : ''}`,
        answer: session.ask('textDocument/codeAction', {
          textDocument,
          range,
          context: { diagnostics, ...(fixAll ? { only: ['source.fixAll.postmortem'] } : {}) },
        }),
        check: (a) => {
          for (const action of a as CodeAction[]) {
            const change = action.edit?.documentChanges?.[0] as { textDocument: { version: number }; edits: TextEdit[] } | undefined;
            if (!change) continue;
            assert.equal(change.textDocument.version, version, `${action.title}: pinned to the version asked about`);
            checkEdits(text, change.edits, action.title);
          }
        },
      };
    }
    case 4:
      return {
        what: 'documentSymbol',
        answer: session.ask('textDocument/documentSymbol', { textDocument }),
        check: (a) => checkSymbols(text, a as DocumentSymbol[], 'symbol'),
      };
    case 5:
      return {
        what: 'foldingRange',
        answer: session.ask('textDocument/foldingRange', { textDocument }),
        check: (a) => {
          const lineCount = linesOf(text).length;
          for (const f of a as FoldingRange[])
            assert.ok(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lineCount, `fold ${f.startLine}-${f.endLine} of ${lineCount} lines`);
        },
      };
    case 6: {
      const positions = Array.from({ length: between(random, 1, 3) }, () => randomPosition(random, document, inside));
      return {
        what: `selectionRange ${JSON.stringify(positions)}`,
        answer: session.ask('textDocument/selectionRange', { textDocument, positions }),
        check: (a) => {
          for (const first of a as SelectionRange[]) {
            for (let s: SelectionRange | undefined = first; s; s = s.parent) {
              assertInside(text, s.range, 'selection range');
              if (s.parent) assert.ok(contains(s.parent.range, s.range), 'a selection range inside its parent');
            }
          }
        },
      };
    }
    case 7: {
      const position = randomPosition(random, document, inside);
      return {
        what: `timelineEntry ${JSON.stringify(position)}`,
        answer: session.ask('postmortem/timelineEntry', { uri, position, now, timeZone: 'Europe/Berlin' }),
        check: (a) => {
          const entry = a as { range: Range } | null;
          if (entry) assertInside(text, entry.range, 'timeline entry');
        },
      };
    }
    case 8:
      return { what: 'status', answer: session.ask('postmortem/status', { uri }), check: () => undefined };
    default:
      return random() < 0.5
        ? { what: 'templates', answer: session.ask('postmortem/templates', { uri, date: '2024-03-09' }), check: () => undefined }
        : {
            what: 'checkThisFile',
            answer: session.ask('workspace/executeCommand', { command: 'postmortem.server.checkThisFile', arguments: [uri] }),
            check: () => {
              model.forced = true;
            },
          };
  }
}

/** What a client sees of a document: diagnostics and the answers to a fixed set of requests. */
async function stateOf(session: Session, uri: string, document: TextDocument) {
  const textDocument = { uri };
  const lines = document.lineCount;
  const positions = Array.from({ length: 6 }, (_, i) => ({ line: Math.floor((i * lines) / 6), character: i * 3 }));
  const diagnostics = (session.diagnostics.get(uri)?.at(-1)?.diagnostics ?? []).map(({ data: _data, ...d }) => d);
  const fixAll = (await session.ask<CodeAction[]>('textDocument/codeAction', {
    textDocument,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.postmortem'] },
  })) as CodeAction[];
  return {
    diagnostics,
    status: await session.ask('postmortem/status', { uri }),
    symbols: await session.ask('textDocument/documentSymbol', { textDocument }),
    folds: await session.ask('textDocument/foldingRange', { textDocument }),
    selections: await session.ask('textDocument/selectionRange', { textDocument, positions }),
    hovers: await Promise.all(positions.map((position) => session.ask('textDocument/hover', { textDocument, position }))),
    completions: await Promise.all(positions.map((position) => session.ask('textDocument/completion', { textDocument, position }))),
    fixAll: fixAll.map((a) => (a.edit?.documentChanges?.[0] as { edits: TextEdit[] } | undefined)?.edits),
  };
}

/** Opens `text` and waits until its diagnostics are published (after "Check This File" when `forced`). */
async function openAndSettle(session: Session, uri: string, text: string, forced: boolean): Promise<void> {
  await openDocument(session, uri, text);
  await waitFor(`diagnostics of ${uri}`, () => (session.diagnostics.get(uri)?.some((p) => p.version === 1) ? true : undefined), answerLimitMs);
  if (!forced) return;
  await session.ask('workspace/executeCommand', { command: 'postmortem.server.checkThisFile', arguments: [uri] });
  const count = session.diagnostics.get(uri)?.length ?? 0;
  await waitFor(`diagnostics of ${uri} after Check This File`, () => ((session.diagnostics.get(uri)?.length ?? 0) > count ? true : undefined), answerLimitMs);
}

/** Publications for the document: inside the text of their version, never going back, nothing after a close. */
function checkPublications(session: Session, model: Model): void {
  const published = session.diagnostics.get(model.uri) ?? [];
  let last = 0;
  published.forEach((p, index) => {
    if (p.version === undefined || p.version === null) {
      assert.deepEqual(p.diagnostics, [], 'a publication without a version clears');
      return;
    }
    assert.ok(p.version >= last, `published version ${p.version} after ${last}`);
    last = p.version;
    const text = model.texts.get(p.version);
    assert.ok(text !== undefined, `published for version ${p.version}, which was never sent`);
    for (const d of p.diagnostics) assertInside(text, d.range, `${d.code} (publication ${index}, version ${p.version})`);
  });
  for (const close of model.closes) {
    assert.deepEqual(published[close.index].diagnostics, [], 'a close clears the diagnostics');
    const next = published[close.index + 1];
    // A document reopened and closed again before its analysis publishes only the clearing.
    if (model.closes.some((c) => c.index === close.index + 1)) continue;
    // Versions only grow across a reopen here, so a later publication of the closed text would show.
    if (next)
      assert.ok(
        next.version !== undefined && next.version > close.version,
        `published version ${next.version} after the close at version ${close.version}: ${published.map((p) => p.version ?? 'clear').join(' ')}`,
      );
  }
}

/** Closes the document and waits for the publication that clears its diagnostics. */
async function closeAndWait(session: Session, model: Model): Promise<void> {
  const before = session.diagnostics.get(model.uri)?.length ?? 0;
  await session.notify('textDocument/didClose', { textDocument: { uri: model.uri } });
  // Publications sent before the server read the close may still arrive first.
  const index = await waitFor(
    'the clearing publication',
    () => {
      const at = (session.diagnostics.get(model.uri) ?? []).findIndex((p, i) => i >= before && p.version === undefined);
      return at < 0 ? undefined : at;
    },
    answerLimitMs,
  );
  model.closes.push({ index, version: model.version });
}

async function runSequence(server: Session, index: number): Promise<void> {
  const random = seededRandom(seed + index * 7919);
  const name = pick(random, ['postmortem', 'incident-report', 'notes']);
  const uri = `file:///tmp/fuzz/s${index}-${name}.md`;
  const start = pick(random, [typicalPostmortem(random), typicalPostmortem(random).replace(/\n/g, '\r\n'), '', '# My project\n\nA library.\n']);
  const model: Model = { uri, version: 1, document: TextDocument.create(uri, 'markdown', 1, start), texts: new Map([[1, start]]), forced: false, closes: [] };
  const log: string[] = [];
  const pending: Pending[] = [];
  const settle = async () => {
    for (const p of pending.splice(0)) {
      let answer: unknown;
      try {
        answer = await p.answer;
      } catch (error) {
        throw new Error(`${p.what}: ${error instanceof Error ? error.message : String(error)}`);
      }
      p.check(answer);
    }
  };
  const edit = async () => {
    const changes = Array.from({ length: random() < 0.85 ? 1 : 2 }, () => {
      const change = randomChange(random, model.document);
      model.document = TextDocument.update(
        model.document,
        [change.range ? { range: change.range, text: change.text } : { text: change.text }],
        model.version + 1,
      );
      return change;
    });
    model.version++;
    model.texts.set(model.version, model.document.getText());
    log.push(
      `v${model.version}: ${changes.map((c) => `${c.kind} ${c.range ? JSON.stringify(c.range) : ''} ${JSON.stringify(c.text.slice(0, 40))}`).join(' + ')}`,
    );
    await server.notify('textDocument/didChange', {
      textDocument: { uri, version: model.version },
      contentChanges: changes.map((c) => (c.range ? { range: c.range, text: c.text } : { text: c.text })),
    });
  };
  try {
    await openDocument(server, uri, start);
    for (let step = 0; step < steps; step++) {
      const roll = random();
      if (roll < 0.5) await edit();
      else if (roll < 0.6) {
        // A burst: several changes on the wire before the server can answer anything.
        const count = between(random, 2, 12);
        log.push(`burst of ${count}`);
        for (let i = 0; i < count; i++) await edit();
      } else if (roll < 0.9) {
        for (let i = between(random, 1, 3); i > 0; i--) {
          const request = randomRequest(random, server, model);
          log.push(`v${model.version}: ${request.what}`);
          pending.push(request);
        }
      } else if (roll < 0.96) {
        log.push('settle');
        await settle();
        const version = model.version;
        await waitFor(
          `diagnostics of version ${version}`,
          () => (server.diagnostics.get(uri)?.some((p) => p.version === version) ? true : undefined),
          answerLimitMs,
        );
      } else {
        log.push(`close and reopen at v${model.version + 1}`);
        await settle();
        await closeAndWait(server, model);
        model.forced = false;
        model.version++;
        model.texts.set(model.version, model.document.getText());
        model.document = TextDocument.create(uri, 'markdown', model.version, model.document.getText());
        await openDocument(server, uri, model.document.getText(), model.version);
      }
    }
    await settle();
    const final = model.version;
    await waitFor(
      `diagnostics of the final version ${final}`,
      () => (server.diagnostics.get(uri)?.at(-1)?.version === final ? true : undefined),
      answerLimitMs,
    );
    checkPublications(server, model);
    const text = model.document.getText();
    const state = await stateOf(server, uri, model.document);
    // The same text opened afresh, in the same server and in a cold one.
    const freshUri = `file:///tmp/fuzz/s${index}-fresh-${name}.md`;
    await openAndSettle(server, freshUri, text, model.forced);
    assert.deepEqual(await stateOf(server, freshUri, model.document), state, 'a fresh open of the final text answers the same');
    await server.notify('textDocument/didClose', { textDocument: { uri: freshUri } });
    const cold = await startSession();
    try {
      await openAndSettle(cold, uri, text, model.forced);
      assert.deepEqual(await stateOf(cold, uri, model.document), state, 'a cold server answers the same');
    } finally {
      await stopSession(cold);
    }
    // Nothing is published for a closed document.
    await closeAndWait(server, model);
    // A round trip through another document's analysis lets any late publication arrive first.
    const probe = `file:///tmp/fuzz/s${index}-probe-postmortem.md`;
    await openAndSettle(server, probe, '# Postmortem: probe\n', false);
    await server.notify('textDocument/didClose', { textDocument: { uri: probe } });
    assert.equal(server.diagnostics.get(uri)?.length, model.closes.at(-1)!.index + 1, 'nothing published after the close');
    checkPublications(server, model);
    assert.deepEqual(server.errors.splice(0), [], 'no handler failed');
    assert.equal(server.child.exitCode, null, 'the server is still running');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n  reproduce: FUZZ_SEED=${seed} FUZZ_ONLY=${index} npm run fuzz\n  last steps:\n    ${log.slice(-25).join('\n    ')}`);
  }
}

describe('the language server under random edit sequences', function () {
  this.timeout(120_000);
  let server: Session;
  before(async () => {
    // The configuration arrives late, as from a busy editor: edits and requests overtake it.
    const delays = seededRandom(seed);
    server = await startSession({ settings: {}, configurationDelayMs: () => between(delays, 0, 40) });
  });
  after(async () => {
    if (server) await stopSession(server);
  });

  for (let index = 0; index < sequences; index++) {
    if (only !== undefined && index !== only) continue;
    it(`sequence ${index} (seed ${seed}) ends where a fresh open and a cold server start, with every answer inside its text`, async () => {
      await runSequence(server, index);
    });
  }
});
