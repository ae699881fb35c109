import type { Disposable } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { schedule } from './diagnostics';

// Commands the server executes. "Check This File" analyses a document whatever its name or content.

export const checkThisFile = 'postmortem.server.checkThisFile';
export const names = [checkThisFile];

export function register(context: ServerContext): Disposable {
  return context.connection.onExecuteCommand((params) =>
    context.safe('command', undefined, null, () => {
      if (params.command === checkThisFile) {
        const uri = String(params.arguments?.[0] ?? '');
        const document = context.documents.get(uri);
        if (!document) return null;
        context.forced.add(uri);
        context.revalidateAll();
        schedule(context, document);
      }
      return null;
    }),
  );
}
