import { afterAll, inject } from "vitest";
import { configureDatabase, disconnectDatabase } from "../lib/db";

configureDatabase(inject("databaseUrl"), inject("databaseMode"));

afterAll(async () => {
  await disconnectDatabase();
});
