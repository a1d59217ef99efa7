"use client";

import { useEffect, useRef, useState } from "react";

/** The same code seen again within this long is one steady aim, not a second item. */
const STEADY_AIM_MS = 1500;

/** Stops the camera and the decoding loop. */
interface ScannerControls {
  stop: () => void;
}

/** A short beep and a buzz, so the associate knows without looking. */
function signalSuccess() {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 1800;
    gain.gain.value = 0.1;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.08);
    tone.onended = () => void audio.close();
  } catch {
    // No audio output (a locked-down device): the vibration and the line say it.
  }
  navigator.vibrate?.(80);
}

/**
 * Continuous camera scanning with @zxing/browser behind a viewfinder.
 * The library is loaded when the associate opens the camera, so it never
 * weighs on the first load or the server build.
 */
export function CameraScanner({
  onScan,
  onClose,
}: {
  onScan: (code: string) => void;
  onClose: () => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const handler = useRef(onScan);
  handler.current = onScan;
  const [problem, setProblem] = useState<string | null>(null);
  const [isStarting, setIsStarting] = useState(true);

  useEffect(() => {
    let controls: ScannerControls | null = null;
    let isCancelled = false;
    const seen = { code: "", at: 0 };

    async function start() {
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem(
          "This browser cannot use the camera here. Type the code or use search.",
        );
        return;
      }
      const { BrowserMultiFormatReader } = await import("@zxing/browser");
      const reader = new BrowserMultiFormatReader(undefined, {
        delayBetweenScanAttempts: 100,
      });
      if (isCancelled || !video.current) return;
      controls = await reader.decodeFromConstraints(
        { video: { facingMode: "environment" } },
        video.current,
        (result) => {
          if (!result) return;
          const code = result.getText();
          const now = performance.now();
          const isSameAim = code === seen.code && now - seen.at < STEADY_AIM_MS;
          seen.code = code;
          seen.at = now;
          if (isSameAim) return;
          signalSuccess();
          handler.current(code);
        },
      );
      if (isCancelled) controls.stop();
      setIsStarting(false);
    }
    start().catch((error: unknown) => {
      const name = error instanceof Error ? error.name : "";
      setProblem(
        name === "NotAllowedError"
          ? "The camera is blocked. Allow it in the browser's settings, or type the code."
          : "The camera could not start. Type the code or use search.",
      );
    });
    return () => {
      isCancelled = true;
      controls?.stop();
    };
  }, []);

  return (
    <div className="relative overflow-hidden rounded-2xl bg-black">
      <video
        ref={video}
        className="aspect-[4/3] w-full object-cover"
        muted
        playsInline
        aria-label="Camera viewfinder"
      />
      {/* The viewfinder: where to hold the barcode. */}
      <div className="pointer-events-none absolute inset-x-6 top-1/2 h-24 -translate-y-1/2 rounded-xl border-4 border-white/80 shadow-[0_0_0_9999px_rgba(0,0,0,0.35)]" />
      <p
        className="absolute inset-x-0 top-2 text-center text-sm text-white"
        aria-live="polite"
      >
        {problem ??
          (isStarting ? "Starting the camera…" : "Hold the barcode inside the frame")}
      </p>
      <button
        type="button"
        onClick={onClose}
        className="absolute right-2 bottom-2 min-h-11 rounded-lg bg-white px-4 font-semibold text-ink"
      >
        Close camera
      </button>
    </div>
  );
}
