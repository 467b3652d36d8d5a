/**
 * The domain's unit tests alone, without the root config's globalSetup (which starts PostgreSQL
 * and installs Chromium): the domain needs neither. Used by Stryker (npm run test:mutation) and
 * handy for a quick run: npx jest -c libs/domain/jest.config.js
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config, like the root one
const { projects } = require('../../jest.config.js');

const unit = projects.find((project) => project.displayName === 'unit');

module.exports = {
  ...unit,
  displayName: 'domain',
  testMatch: ['<rootDir>/libs/domain/src/**/*.spec.ts'],
};
