// Preloaded into Prism (node --require): Prism exits when the test process that started it is
// gone, however it went (a crashed or killed jest worker runs no afterAll). Its stdin is a pipe
// from that process, and the pipe ends when the process ends.
process.stdin.on("end", () => process.exit(0)).resume();
