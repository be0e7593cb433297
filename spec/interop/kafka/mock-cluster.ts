/**
 * The librdkafka mock cluster for the interop tests: the harness lives in bench/daemons/kafka-mock.ts
 * (with kafka-mock.c), where the benchmarks use it too; this module keeps the tests' import path.
 */
export {
  buildMockCluster,
  explainBuildFailure,
  startMockCluster,
  type BuildOptions,
  type MockCluster,
  type MockClusterOptions,
} from '../../../bench/daemons/kafka-mock';
