// Gate: the Nu Html Checker reports no errors on any page of the built site.
// Usage: node vnu.mjs <site-dir>
import { execFileSync } from "node:child_process";
import vnu from "vnu-jar";

const site = process.argv[2];
if (!site) {
  console.error("usage: node vnu.mjs <site-dir>");
  process.exit(2);
}
try {
  execFileSync("java", ["-jar", vnu, "--errors-only", "--skip-non-html", site], { stdio: "inherit" });
  console.log(`vnu: 0 errors in ${site}`);
} catch (error) {
  console.error("vnu: the Nu Html Checker found errors (listed above)");
  process.exit(1);
}
