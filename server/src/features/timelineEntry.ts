import { type Disposable, type Position, type Range, RequestType } from 'vscode-languageserver';
import type { ServerContext } from '../server';

// `postmortem/timelineEntry`: the entry "Insert Timeline Entry" writes at the cursor, for the
// current time, in the format and zone of the entry before it.

export interface TimelineEntryParams {
  uri: string;
  position: Position;
  /** The current time, milliseconds since the epoch. */
  now: number;
  /** The editor's zone, used when the document names none. */
  timeZone?: string;
}

export interface TimelineEntryEdit {
  /** Snippet text. */
  snippet: string;
  range: Range;
}

export const timelineEntryRequest = new RequestType<TimelineEntryParams, TimelineEntryEdit | null, void>('postmortem/timelineEntry');

export function register(context: ServerContext): Disposable {
  return context.connection.onRequest(timelineEntryRequest, (params) =>
    context.safe('timeline entry', params.uri, null as TimelineEntryEdit | null, async () => {
      const document = context.documents.get(params.uri);
      if (!document) return null;
      // Asked for explicitly: written whether or not the document reads as a postmortem yet.
      const analysis = await context.analysisOf(document);
      return context.service.timelineEntry(analysis, params.position, { millis: params.now, timeZone: params.timeZone });
    }),
  );
}
