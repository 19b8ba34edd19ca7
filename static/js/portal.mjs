// Start GOV.UK Frontend's components. Every page works without this script.
import { initAll } from "../build/govuk/govuk-frontend.min.js";

initAll();
