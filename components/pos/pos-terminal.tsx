"use client";

import { useEffect, useState } from "react";
import { SignOutButton } from "@/components/ui/sign-out-button";
import { OfflineBanner } from "./offline/offline-banner";
import { OfflineRegister } from "./offline/offline-register";
import { OfflineTillProvider, useOfflineTill } from "./offline/offline-till";
import { RegisterServiceWorker } from "./offline/register-service-worker";
import type { CardMode } from "./payment-panel";
import { PosRegister } from "./pos-register";

interface Store {
  id: string;
  name: string;
  city: string;
  registers: { id: string; name: string; cardMode: CardMode }[];
}

const STATION_KEY = "omnitill.pos.station";

/** The associate's screen: choose store and register, then sell at it. */
export function PosTerminal({
  staff,
  stores,
}: {
  staff: { id: string; name: string; role: string; canReviewOffline?: boolean };
  stores: Store[];
}) {
  const [station, setStation] = useState<{ storeId: string; registerId: string } | null>(
    null,
  );
  useEffect(() => {
    const saved = localStorage.getItem(STATION_KEY);
    if (!saved) return;
    const parsed = JSON.parse(saved) as { storeId: string; registerId: string };
    if (stores.some((s) => s.id === parsed.storeId)) setStation(parsed);
  }, [stores]);

  const store = stores.find((s) => s.id === station?.storeId);
  const register = store?.registers.find((r) => r.id === station?.registerId);

  function chooseStation(storeId: string, registerId: string) {
    const next = { storeId, registerId };
    localStorage.setItem(STATION_KEY, JSON.stringify(next));
    setStation(next);
  }

  if (!store || !register) {
    return (
      <div className="flex-1 overflow-y-auto p-4">
        <RegisterServiceWorker />
        <h1 className="text-xl font-bold">Hello, {staff.name}</h1>
        <p className="mt-1 text-white/70">
          Choose the store and register you are working at.
        </p>
        {stores.length === 0 && (
          <p className="mt-6 rounded-xl bg-white/10 p-4">
            You are not assigned to a store that sells at the counter. Ask a manager.
          </p>
        )}
        <ul className="mt-6 space-y-4">
          {stores.map((s) => (
            <li key={s.id} className="rounded-2xl bg-white/10 p-4">
              <p className="font-semibold">
                {s.name} <span className="font-normal text-white/60">· {s.city}</span>
              </p>
              <div className="mt-3 flex flex-wrap gap-2">
                {s.registers.map((r) => (
                  <button
                    key={r.id}
                    type="button"
                    onClick={() => chooseStation(s.id, r.id)}
                    className="min-h-12 rounded-xl bg-white px-4 font-semibold text-brand-900"
                  >
                    {r.name}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
        <div className="mt-8">
          <SignOutButton className="min-h-11 rounded-lg border border-white/30 px-4" />
        </div>
      </div>
    );
  }

  return (
    <OfflineTillProvider locationId={store.id}>
      <RegisterServiceWorker />
      <OfflineBanner reportHref={staff.canReviewOffline ? "/pos/offline-sales" : null} />
      <Register
        station={{ storeId: store.id, registerId: register.id }}
        storeName={store.name}
        registerName={register.name}
        cardMode={register.cardMode}
        staff={staff}
        onChangeStation={() => setStation(null)}
      />
    </OfflineTillProvider>
  );
}

/** The online till, or the offline one while the network or the server is away. */
function Register(props: {
  station: { storeId: string; registerId: string };
  storeName: string;
  registerName: string;
  cardMode: CardMode;
  staff: { id: string; name: string };
  onChangeStation: () => void;
}) {
  const till = useOfflineTill();
  // A sale begun offline is finished offline, even if the network returns mid-sale.
  const [isOfflineSaleOpen, setIsOfflineSaleOpen] = useState(false);
  if (!till.isOnline || isOfflineSaleOpen) {
    return (
      <OfflineRegister
        station={props.station}
        storeName={props.storeName}
        registerName={props.registerName}
        staff={props.staff}
        onSaleOpenChange={setIsOfflineSaleOpen}
      />
    );
  }
  return (
    <PosRegister
      station={props.station}
      storeName={props.storeName}
      registerName={props.registerName}
      cardMode={props.cardMode}
      staffName={props.staff.name}
      onChangeStation={props.onChangeStation}
    />
  );
}
