// Saves a file the server built (a list's or the audit trail's workbook, the complaint analysis, the import's problem
// report and template): the bytes arrive as a stream, the browser keeps them as a file. A workbook unless told otherwise.
export async function saveFile(fileName, streamRef, type) {
    const buffer = await streamRef.arrayBuffer();
    const url = URL.createObjectURL(new Blob([buffer], { type: type || "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
}
