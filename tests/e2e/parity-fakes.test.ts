import { startFakeBackends } from '../support/parity/fake-backends.ts';
import { defineParitySuite } from '../support/parity/parity-suite.ts';

// The same scenarios run against the real kube-apiserver and APIM in tests/real/parity-real.test.ts.
defineParitySuite('the fake API server and the APIM simulator', startFakeBackends);
