// A file the pane made, saved as a browser download (Excel on the web, the preview). No rule here.

/** Offer `bytes` as a download named `name`. */
export function browserDownload(name: string, bytes: Uint8Array, mimeType: string): void {
  const blob = new Blob([bytes as BlobPart], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has started from the click; the URL can go once the event loop has moved on
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
