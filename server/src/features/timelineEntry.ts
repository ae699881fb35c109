import type { Disposable } from 'vscode-languageserver';
import { type TimelineEntryEdit, timelineEntryRequest } from '../../../protocol/requests';
import type { ServerContext } from '../context';

// `postmortem/timelineEntry`: the entry "Insert Timeline Entry" writes at the cursor, for the
// current time, in the format and zone of the entry before it.

export function register(context: ServerContext): Disposable {
  return context.connection.onRequest(timelineEntryRequest, (params, token) =>
    context.safe('timeline entry', params.uri, null as TimelineEntryEdit | null, async () => {
      const document = context.documents.get(params.uri);
      if (!document) return null;
      // Asked for explicitly: written whether or not the document reads as a postmortem yet.
      const analysis = await context.analysisOf(document, token);
      return context.service.timelineEntry(analysis, params.position, { millis: params.now, timeZone: params.timeZone });
    }),
  );
}
