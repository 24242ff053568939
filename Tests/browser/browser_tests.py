#!/usr/bin/env python3
"""Browser tests of `stroma serve` in headless Chromium (Debian chromium + chromium-driver, Selenium from PyPI).

Opens every page at a desktop and a phone width, asserts its expected content and that the browser console has
no errors (a Content-Security-Policy violation is one), saves a full-page screenshot of each, and runs the
meta-analysis form end to end with a real upload.

Usage: browser_tests.py BASE_URL SCREENSHOT_DIR EXAMPLE_CSV
"""
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

BASE, SHOTS, EXAMPLE = sys.argv[1].rstrip("/"), sys.argv[2], os.path.abspath(sys.argv[3])

# (name, path, text the page must show)
PAGES = [
    ("home", "/", "Vocabularies"),
    ("search", "/search?q=neuroprotection", "results for"),
    ("condition", "/terms/ischemic-stroke?kind=condition", "Experiments ("),
    ("source", "/terms/umbilical-cord?kind=cell-source", "Experiments ("),
    ("route", "/terms/intravenous?kind=route", "Experiments ("),
    ("mechanism", "/terms/immunomodulation?kind=mechanism", "Claims"),
    ("conditions", "/vocab/conditions", "Ischaemic stroke"),
    ("experiments", "/experiments?species=rat&sort=source", "stroma experiments --species rat"),
    ("meta", "/meta", "Comparison CSV"),
    ("simulate", "/simulate", "Simulate"),
    ("compare-routes", "/simulate/compare-routes", "Compare routes"),
    ("dose", "/dose", "Dose translation"),
    ("trials", "/trials", "Trials"),
    ("signin", "/signin", "Password"),
    ("not-found", "/no/such/page", "no page or endpoint"),
]
WIDTHS = [("desktop", 1280, 900), ("phone", 390, 844)]

extra = os.environ.get("STROMA_BROWSER_PAGES")  # more pages as name=path=text;… (pages that land later)
if extra:
    for item in extra.split(";"):
        name, path, text = item.split("=", 2)
        PAGES.append((name, path, text))


def driver():
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--lang=en-GB"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def console_errors(browser):
    return [entry["message"] for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]


def screenshot(browser, name, width, height):
    total = browser.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    browser.set_window_size(width, min(max(height, total + 40), 6000))
    time.sleep(0.2)
    browser.save_screenshot(os.path.join(SHOTS, f"{name}.png"))
    browser.set_window_size(width, height)


def main():
    os.makedirs(SHOTS, exist_ok=True)
    failures = []
    browser = driver()
    try:
        for label, width, height in WIDTHS:
            browser.set_window_size(width, height)
            for name, path, text in PAGES:
                browser.get(BASE + path)
                body = browser.find_element(By.TAG_NAME, "body").text
                if text not in body:
                    failures.append(f"{label} {path}: the page does not show '{text}'")
                overflow = browser.execute_script(
                    "return document.documentElement.scrollWidth > window.innerWidth + 1")
                if overflow:
                    failures.append(f"{label} {path}: the page is wider than the window (horizontal scrolling)")
                errors = [e for e in console_errors(browser) if not (name == "not-found" and "404" in e)]
                if errors:
                    failures.append(f"{label} {path}: console errors: {errors}")
                screenshot(browser, f"{name}-{label}", width, height)

        # The meta-analysis form end to end: upload the example CSV, choose the measure, method and subgroups.
        browser.set_window_size(1280, 900)
        browser.get(BASE + "/meta")
        browser.find_element(By.NAME, "file").send_keys(EXAMPLE)
        Select(browser.find_element(By.NAME, "measure")).select_by_value("NMD")
        Select(browser.find_element(By.NAME, "method")).select_by_value("REML")
        browser.find_element(By.NAME, "by").send_keys("route")
        browser.find_element(By.CSS_SELECTOR, "form.meta button[type=submit]").click()
        time.sleep(0.5)
        body = browser.find_element(By.TAG_NAME, "body").text
        for expected in ["Random-effects", "stroma meta", "--measure NMD", "--by route", "Download"]:
            if expected not in body:
                failures.append(f"meta form: the result does not show '{expected}'")
        svgs = browser.find_elements(By.CSS_SELECTOR, ".plot svg")
        if len(svgs) < 2:
            failures.append(f"meta form: expected the forest and funnel plots, found {len(svgs)} SVG plots")
        errors = console_errors(browser)
        if errors:
            failures.append(f"meta form: console errors: {errors}")
        screenshot(browser, "meta-result-desktop", 1280, 900)
        browser.set_window_size(390, 844)
        screenshot(browser, "meta-result-phone", 390, 844)
    finally:
        browser.quit()
    for failure in failures:
        print("FAIL:", failure, file=sys.stderr)
    print(f"browser tests: {len(PAGES) * len(WIDTHS) + 1} checks, {len(failures)} failures; screenshots in {SHOTS}",
          file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
