// Saves a file the server built (the import's problem report, the template): bytes in, a download out.
export async function saveFile(fileName, streamRef, type) {
    const buffer = await streamRef.arrayBuffer();
    const url = URL.createObjectURL(new Blob([buffer], { type: type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
}
