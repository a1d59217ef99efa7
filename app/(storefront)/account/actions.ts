"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  deleteCustomerAddress,
  saveCustomerAddress,
} from "@/lib/customers/save-customer-address";
import { addressSchema, profileSchema, signUpSchema } from "@/lib/customers/schemas";
import { confirmAccountClaim, signUpCustomer } from "@/lib/customers/sign-up-customer";
import { updateCustomerProfile } from "@/lib/customers/update-customer-profile";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authSecret } from "@/lib/next/auth-secret";
import { type Shopper, shopperAction } from "@/lib/next/shopper-action";

function accountOf(shopper: Shopper) {
  if (!shopper.customer) throw new AppError("unauthenticated", "Please sign in again.");
  return shopper.customer;
}

/** Opens an account; the form then signs the shopper in. */
export const signUpAction = shopperAction(signUpSchema, (input) =>
  signUpCustomer(db, { input, secret: authSecret() }),
);

/** Sets the password from an emailed confirmation link. */
export const confirmAccountAction = shopperAction(
  z.object({ token: z.string().min(1).max(2000), password: z.string().max(200) }),
  (input) =>
    confirmAccountClaim(db, {
      token: input.token,
      password: input.password,
      secret: authSecret(),
    }),
);

export const updateProfileAction = shopperAction(
  profileSchema,
  async (input, shopper) => {
    const customer = accountOf(shopper);
    const profile = await updateCustomerProfile(db, {
      actor: shopper.actor,
      customerId: customer.id,
      input,
    });
    revalidatePath("/account");
    return profile;
  },
  { requireAccount: true },
);

export const saveAddressAction = shopperAction(
  addressSchema,
  async (input, shopper) => {
    const customer = accountOf(shopper);
    const address = await saveCustomerAddress(db, {
      actor: shopper.actor,
      customerId: customer.id,
      input,
    });
    revalidatePath("/account");
    return { id: address.id };
  },
  { requireAccount: true },
);

export const deleteAddressAction = shopperAction(
  z.object({ addressId: z.string().min(1).max(64) }),
  async (input, shopper) => {
    const customer = accountOf(shopper);
    await deleteCustomerAddress(db, {
      actor: shopper.actor,
      customerId: customer.id,
      addressId: input.addressId,
    });
    revalidatePath("/account");
    return null;
  },
  { requireAccount: true },
);
