import type { Tx } from "../db";
import { notFound } from "../errors";
import { ACTIVE_ROLES_INCLUDE, toIncidentDto } from "./to-dto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads an incident inside a transaction, 404 if the id is unknown or malformed. */
export async function loadIncident(tx: Tx, id: string) {
  const row = UUID.test(id) ? await tx.incident.findUnique({ where: { id } }) : null;
  if (!row) throw notFound(`Incident ${id}`);
  return row;
}

export async function loadIncidentDto(tx: Tx, id: string) {
  return toIncidentDto(
    await tx.incident.findUniqueOrThrow({ where: { id }, include: ACTIVE_ROLES_INCLUDE }),
  );
}
