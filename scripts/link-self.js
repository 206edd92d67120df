// Makes `require("pulumi-saas-users")` resolve inside this repository the way it does in a user's
// program: the dynamic-provider host resolves the provider by package name from the program
// directory (see provider/vectara/user-loader.ts), and examples/ import the package by name.
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const link = path.join(root, "node_modules", "pulumi-saas-users");
try {
  if (fs.realpathSync(link) === root) return;
  fs.rmSync(link, { recursive: true, force: true });
} catch {
  // no link yet
}
fs.symlinkSync(path.relative(path.dirname(link), root), link, "dir");
