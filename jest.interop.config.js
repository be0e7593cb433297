/** Interop suite: starts real gobgpd, bird, exabgp, FRR bgpd and OpenBGPD on loopback (see spec/interop/). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/spec/interop'],
  testMatch: ['**/*.spec.ts'],
  // Transpile only (tsconfig.jest.json has isolatedModules): `npm run typecheck` does the type check.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  // Policy modules (conf/policies/) require the package by its name, as users' modules do.
  moduleNameMapper: { '^rxbgp$': '<rootDir>/lib/index.ts' },
  // WireFlowRule and the API's RouteSpecs compare as their plain forms (spec/setup/plain-form-equality.ts).
  setupFilesAfterEnv: ['<rootDir>/spec/setup/plain-form-equality.ts'],
  testTimeout: 120000,
};
