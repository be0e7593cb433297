/** Interop suite: starts real gobgpd, bird and exabgp on loopback (see spec/interop/). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/spec/interop'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 120000,
};
