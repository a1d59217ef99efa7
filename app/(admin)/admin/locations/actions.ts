"use server";

import { db } from "@/lib/db/client";
import {
  addRegister,
  renameRegister,
  setRegisterActive,
  setRegisterPrinter,
  setRegisterReader,
} from "@/lib/locations/registers";
import { createLocation, updateLocation } from "@/lib/locations/save-location";
import {
  addRegisterSchema,
  locationInputSchema,
  renameRegisterSchema,
  setLocationActiveSchema,
  setRegisterActiveSchema,
  setRegisterPrinterSchema,
  setRegisterReaderSchema,
  updateLocationSchema,
} from "@/lib/locations/schemas";
import { setLocationActive } from "@/lib/locations/set-location-active";
import { staffAction } from "@/lib/next/staff-action";

export const createLocationAction = staffAction(
  "locations:manage",
  locationInputSchema,
  async (input, staff) => {
    const location = await createLocation(db, staff, input);
    return { id: location.id };
  },
);

export const updateLocationAction = staffAction(
  "locations:manage",
  updateLocationSchema,
  async (input, staff) => {
    const location = await updateLocation(db, staff, input);
    return { id: location.id };
  },
);

export const setLocationActiveAction = staffAction(
  "locations:manage",
  setLocationActiveSchema,
  async (input, staff) => {
    const location = await setLocationActive(db, staff, input);
    return { id: location.id, isActive: location.isActive };
  },
);

export const addRegisterAction = staffAction(
  "locations:manage",
  addRegisterSchema,
  async (input, staff) => {
    const register = await addRegister(db, staff, input);
    return { id: register.id };
  },
);

export const renameRegisterAction = staffAction(
  "locations:manage",
  renameRegisterSchema,
  async (input, staff) => {
    const register = await renameRegister(db, staff, input);
    return { id: register.id };
  },
);

/** Sets or clears a register's network receipt printer address. */
export const setRegisterPrinterAction = staffAction(
  "locations:manage",
  setRegisterPrinterSchema,
  async (input, staff) => {
    const register = await setRegisterPrinter(db, staff, input);
    return { id: register.id, printerAddress: register.printerAddress };
  },
);

/** Sets or clears the Stripe Terminal reader a register takes cards on. */
export const setRegisterReaderAction = staffAction(
  "locations:manage",
  setRegisterReaderSchema,
  async (input, staff) => {
    const register = await setRegisterReader(db, staff, input);
    return { id: register.id, terminalReaderId: register.terminalReaderId };
  },
);

export const setRegisterActiveAction = staffAction(
  "locations:manage",
  setRegisterActiveSchema,
  async (input, staff) => {
    const register = await setRegisterActive(db, staff, input);
    return { id: register.id, isActive: register.isActive };
  },
);
