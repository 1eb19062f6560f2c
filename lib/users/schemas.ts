import { z } from "zod";
import { ORG_ROLES } from "../auth/permissions";

// User-management inputs shared by forms, routes and services.

export const PASSWORD = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(1024, "Use at most 1024 characters");

export const InviteUserInput = z.object({
  email: z.email("Enter a valid email address").max(320),
  name: z.string().trim().min(2, "Name the person (at least 2 characters)").max(100),
  role: z.enum(ORG_ROLES, { message: `role must be one of ${ORG_ROLES.join(", ")}` }),
});

export const AcceptInviteInput = z.object({
  token: z.string().min(20, "token is missing or malformed").max(200),
  password: PASSWORD,
});

export const UpdateUserInput = z
  .object({
    role: z.enum(ORG_ROLES, { message: `role must be one of ${ORG_ROLES.join(", ")}` }),
    isDisabled: z.boolean(),
  })
  .partial()
  .refine((v) => v.role !== undefined || v.isDisabled !== undefined, {
    message: "Send role or isDisabled",
    path: ["role"],
  });

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(1024),
  newPassword: PASSWORD,
});

export type AdminUserDto = {
  id: string;
  name: string;
  email: string;
  role: string;
  disabledAt: string | null;
  createdAt: string;
};

export type InviteDto = {
  id: string;
  email: string;
  name: string;
  role: string;
  invitedBy: string | null;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};
