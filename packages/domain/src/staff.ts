// Staff as the hub knows them: who they are comes from the identity provider (the OIDC subject), what they may do
// comes from here. Assignments live in the hub's own store, not in the IdP, so a member admin can change them and a
// desk keeps its cases when people come and go (DESIGN §2).
import * as z from "zod/mini";
import { DeskIdSchema, MemberIdSchema } from "./model";

/** The OIDC `sub` claim: at most 255 ASCII characters (OIDC Core §2); Cognito's is a UUID. */
export const StaffIdSchema = z.string().check(z.regex(/^[\x21-\x7e]{1,255}$/));
export type StaffId = z.infer<typeof StaffIdSchema>;

/** One assignment. Desk staff work on a desk; a member admin configures one member; board and operator are regional. */
export const StaffRoleSchema = z.discriminatedUnion("role", [
  z.object({ role: z.literal("desk-staff"), desk: DeskIdSchema }),
  z.object({ role: z.literal("member-admin"), member: MemberIdSchema }),
  z.object({ role: z.literal("board") }),
  z.object({ role: z.literal("operator") }),
]);
export type StaffRole = z.infer<typeof StaffRoleSchema>;
export type RoleName = StaffRole["role"];

/** More roles than this on one person is a mistake, not an organisation. */
export const MAX_ROLES = 50;

export const StaffSchema = z.object({
  id: StaffIdSchema,
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  email: z.email().check(z.maxLength(254)),
  roles: z.array(StaffRoleSchema).check(z.maxLength(MAX_ROLES)),
  version: z.number().check(z.int(), z.minimum(1)),
});
export type Staff = z.infer<typeof StaffSchema>;

/** Port: the hub's record of its staff members (the store adapter implements it). */
export interface StaffStore {
  getStaff(id: StaffId): Promise<Staff | undefined>;
  /** Create (version 1) or replace the stored version `staff.version - 1`. */
  putStaff(staff: Staff): Promise<void>;
  /** Every staff member of the hub, for the operator's staff page. */
  listStaff(): Promise<Staff[]>;
}
