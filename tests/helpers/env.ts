// Environment for API tests: test mode, fixed secrets, quiet logs.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
process.env.OOGST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
process.env.OOGST_SESSION_SECRET = Buffer.alloc(32, 9).toString('base64');
process.env.OOGST_DISABLE_RATE_LIMIT = process.env.OOGST_DISABLE_RATE_LIMIT ?? '1';
