import time
from test_pages_a11y import *  # noqa
from test_pages_a11y import serious

def test_probe(browser, base, axe_source, kind_urls):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    for kind in ["note", "home", "browse", "statistics", "tag"]:
        pg = ctx.new_page()
        t0 = time.perf_counter(); pg.goto(f"{base}{kind_urls[kind]}?lang=ko"); t1 = time.perf_counter()
        pg.wait_for_load_state("networkidle"); t2 = time.perf_counter()
        serious(pg, axe_source); t3 = time.perf_counter()
        pg.click(".pn-toggle__button[data-lang=en]"); serious(pg, axe_source); t4 = time.perf_counter()
        print(kind, f"goto {t1-t0:.2f} idle {t2-t1:.2f} axe {t3-t2:.2f} axe2 {t4-t3:.2f}")
        pg.close()
    ctx.close()
