// The StaffStore against real dynalite: the item's key, the version guard, and errors mapped to domain errors.
import { DynamoDBClient, GetItemCommand, InternalServerError } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { ConflictError, UnavailableError } from "@meldpunt/domain";
import type { Staff } from "@meldpunt/domain/staff";
import { mockClient } from "aws-sdk-client-mock";
import { describe, expect, it } from "vitest";
import { staffItemKeys, staffKey } from "../src/keys";
import { createStaffStore } from "../src/staff-store";
import { useDynalite } from "./fixtures";

const coordinator: Staff = {
  id: "5f0c1a9e-1b7a-4c55-9d0e-2a3b4c5d6e7f",
  name: "A. Coördinator",
  email: "coordinator@gemeente-a.example",
  roles: [{ role: "desk-staff", desk: "integriteit-a" }],
  version: 1,
};

describe("staffKey", () => {
  it("gives each staff member a partition of their own, apart from cases and the region", () => {
    expect(staffKey("abc")).toEqual({ pk: "STAFF#abc", sk: "STAFF" });
  });

  it("lists every staff member in one partition of the queue index, apart from every queue", () => {
    expect(staffItemKeys("abc")).toEqual({ pk: "STAFF#abc", sk: "STAFF", gsi1pk: "STAFF", gsi1sk: "abc" });
  });
});

describe("staff", () => {
  const db = useDynalite();

  it("stores a staff member under STAFF#<subject> and reads it back equal", async () => {
    const staff = createStaffStore(db);
    await staff.putStaff(coordinator);
    expect(await staff.getStaff(coordinator.id)).toEqual(coordinator);
    const raw = await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: marshall(staffKey(coordinator.id)) }));
    expect(unmarshall(raw.Item ?? {})).toMatchObject({ pk: `STAFF#${coordinator.id}`, sk: "STAFF", entity: "staff", version: 1 });
  });

  it("answers undefined for an unknown subject", async () => {
    expect(await createStaffStore(db).getStaff("nobody")).toBeUndefined();
  });

  it("never overwrites on create and replaces only the version it read", async () => {
    const staff = createStaffStore(db);
    const id = "versioned";
    await staff.putStaff({ ...coordinator, id });
    await expect(staff.putStaff({ ...coordinator, id, name: "Someone else" })).rejects.toBeInstanceOf(ConflictError);
    const moved = { ...coordinator, id, roles: [{ role: "member-admin" as const, member: "gemeente-a" }], version: 2 };
    await staff.putStaff(moved);
    await expect(staff.putStaff({ ...moved, version: 2 })).rejects.toBeInstanceOf(ConflictError);
    expect(await staff.getStaff(id)).toEqual(moved);
  });

  it("refuses a record that breaks the schema before writing", async () => {
    const bad = { ...coordinator, id: "bad", roles: [{ role: "desk-staff" }] } as unknown as Staff;
    await expect(createStaffStore(db).putStaff(bad)).rejects.toThrow();
    expect(await createStaffStore(db).getStaff("bad")).toBeUndefined();
  });

  it("lists every staff member through the staff partition of the queue index, without its key attributes", async () => {
    const staff = createStaffStore(db);
    await staff.putStaff({ ...coordinator, id: "listed-1" });
    await staff.putStaff({ ...coordinator, id: "listed-2", name: "B. Beheerder", roles: [{ role: "operator" }] });
    const listed = await staff.listStaff();
    expect(listed.filter((s) => s.id.startsWith("listed-"))).toEqual([
      { ...coordinator, id: "listed-1" },
      { ...coordinator, id: "listed-2", name: "B. Beheerder", roles: [{ role: "operator" }] },
    ]);
    const raw = await db.client.send(new GetItemCommand({ TableName: db.tableName, Key: marshall(staffKey("listed-1")) }));
    expect(unmarshall(raw.Item ?? {})).toMatchObject({ gsi1pk: "STAFF", gsi1sk: "listed-1" });
  });

  it("turns a service failure into UnavailableError", async () => {
    const client = new DynamoDBClient({ region: "eu-west-1" });
    const mock = mockClient(client);
    mock.on(GetItemCommand).rejects(new InternalServerError({ message: "boom", $metadata: {} }));
    await expect(createStaffStore({ client, tableName: "t" }).getStaff("x")).rejects.toBeInstanceOf(UnavailableError);
    mock.restore();
  });
});
