// Web Worker entry: runs the reachability handler off the UI thread. All logic lives in
// reachabilityWorkerHandler.ts so tests call it directly in Node.

import type { ReachabilityRequest } from './reachabilityProtocol';
import { createReachabilityHandler } from './reachabilityWorkerHandler';

const handle = createReachabilityHandler();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ReachabilityRequest>) => {
  const { response, transfer } = handle(event.data);
  scope.postMessage(response, transfer);
};
