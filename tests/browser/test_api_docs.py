"""/api/docs in a browser: Swagger UI renders from the service's own copy (the `page` fixture fails
any request to another site), and the page passes axe."""

from playwright.sync_api import expect

from api.views import api


def test_the_api_docs_render_swagger_ui_from_the_service_itself(page, check_page):
    operations = sum(len(item) for item in api.get_openapi_schema()["paths"].values())
    page.goto("/api/docs")
    expect(page.get_by_role("heading", level=1)).to_have_text("Productivity plans API")
    blocks = page.locator("#swagger-ui .opblock")
    expect(blocks.first).to_be_visible()
    expect(blocks).to_have_count(operations)
    expect(page.locator("#swagger-ui").get_by_text("/api/v1/councils", exact=True).first).to_be_visible()
    # Once Swagger UI has drawn, the page still has one h1: Swagger UI's own title block is not shown.
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(page.get_by_role("link", name="OpenAPI document")).to_have_attribute("href", "/api/openapi.json")
    check_page(page, "api-docs")
