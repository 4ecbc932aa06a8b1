// Function file of the ribbon's ExecuteFunction buttons (manifest.xml: chenBieuMau, kiemTra).
// Placeholder: the lead wires these to the Excel adapter. Every command must call event.completed().

type CommandHandler = () => Promise<void>;

/** Runs `handler` and always completes the ribbon event, whatever happens. */
async function runCommand(event: Office.AddinCommands.Event, handler: CommandHandler): Promise<void> {
  try {
    await handler();
  } catch (err) {
    // No alert() in add-in pages (it throws in Office); the lead will surface errors properly.
    console.error("chitieu: lệnh thất bại", err);
  } finally {
    event.completed();
  }
}

async function notImplemented(): Promise<void> {
  throw new Error("Chưa cài đặt");
}

export function chenBieuMau(event: Office.AddinCommands.Event): Promise<void> {
  return runCommand(event, notImplemented);
}

export function kiemTra(event: Office.AddinCommands.Event): Promise<void> {
  return runCommand(event, notImplemented);
}

void Office.onReady(() => {
  Office.actions.associate("chenBieuMau", chenBieuMau);
  Office.actions.associate("kiemTra", kiemTra);
});
