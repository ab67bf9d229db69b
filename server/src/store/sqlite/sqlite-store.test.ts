import { describeStoreContract } from '../store-contract.ts';
import { createSqliteStore } from './store.ts';

describeStoreContract('sqlite', async () => createSqliteStore(':memory:'));
