// The small dialog a ribbon command opens to tell the user its outcome. The message comes in the URL
// and is shown as text only (never as markup).
function show(): void {
  const params = new URLSearchParams(window.location.search);
  const message = document.getElementById('message');
  if (message) message.textContent = params.get('m') ?? '';
  document.getElementById('ok')?.addEventListener('click', () => {
    if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) Office.context.ui.messageParent('close');
    else window.close();
  });
}

if (typeof Office !== 'undefined') void Office.onReady(show);
else show();
