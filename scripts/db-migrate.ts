// Applies the committed migrations to the configured database (the embedded one by default).
import { openDatabase } from '../db/client';

const connection = await openDatabase();
try {
  await connection.migrate();
  console.log(`Migrations applied (${connection.driver}).`);
} finally {
  await connection.close();
}
