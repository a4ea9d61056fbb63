export type { MigrationResult, SqlMigration as Migration } from '@motcua/sql';
