/** The engine's operations (src/contract/imports.ts): one set of routes for every importer. */
import { importOperations } from '../../../contract/imports.ts';
import type { Router } from '../http/operations.ts';
import { requestLocale } from '../i18n.ts';
import type { ImportEngine } from './engine.ts';

export function importRoutes(router: Router, engine: ImportEngine) {
  router.handle(importOperations.upload, ({ session, query, file, request, requestId }) =>
    engine.stage(session, query, file, requestLocale(request), requestId),
  );
  router.handle(importOperations.get, ({ session, params }) => engine.get(session, params.id));
  router.handle(importOperations.updates, ({ session, params, query }) => engine.updates(session, params.id, query));
  router.handle(importOperations.remap, ({ session, params, body, request, requestId }) =>
    engine.remap(session, params.id, body, requestLocale(request), requestId),
  );
  router.handle(importOperations.progress, ({ session, params }) => engine.progress(session, params.id));
  router.handle(importOperations.commit, ({ session, params, body, requestId }) => engine.commit(session, params.id, body, requestId));
  router.handle(importOperations.names, ({ session, params, body, request, requestId }) =>
    engine.resolveNames(session, params.id, body, requestLocale(request), requestId),
  );
  router.handle(importOperations.undo, ({ session, params, requestId }) => engine.undo(session, params.id, requestId));
  router.handle(importOperations.discard, ({ session, params, requestId }) => engine.discard(session, params.id, requestId));
}
