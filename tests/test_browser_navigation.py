"""The navigation and the page's contents can be opened with the buttons a reader sees, on a phone and on a
desktop (the themes listen to a hidden button of the same kind; leren.sphinx.sidebars passes the click on)."""

from __future__ import annotations

import pytest

pytest.importorskip("playwright.sync_api")

PAGE = "book/casussen/venlo.html"


def open_page(browser, served, width: int):
    page = browser.new_page(viewport={"width": width, "height": 800}, locale="nl-NL")
    page.goto(served + PAGE, wait_until="load")
    return page


def test_menu_button_opens_the_navigation_on_a_phone(browser, served):
    page = open_page(browser, served, 390)
    page.get_by_role("button", name="Navigatie tonen of verbergen").click()
    dialog = page.locator("dialog#pst-primary-sidebar-modal")
    dialog.wait_for(state="visible")
    link = dialog.get_by_role("link", name="De zeven principes", exact=True)
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/book/principes/index.html")
    page.close()


def test_contents_button_opens_the_page_contents_on_a_phone(browser, served):
    page = open_page(browser, served, 390)
    page.get_by_role("button", name="Inhoud van deze pagina tonen of verbergen").click()
    dialog = page.locator("dialog#pst-secondary-sidebar-modal")
    dialog.wait_for(state="visible")
    assert dialog.get_by_role("link").first.is_visible()
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    page.close()


def test_menu_button_folds_the_navigation_away_on_a_desktop(browser, served):
    page = open_page(browser, served, 1280)
    sidebar = page.locator("#pst-primary-sidebar")
    assert sidebar.is_visible()
    button = page.get_by_role("button", name="Navigatie tonen of verbergen")
    button.click()
    sidebar.wait_for(state="hidden")
    button.click()
    sidebar.wait_for(state="visible")
    page.close()
