<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ActivityPage</name>
    <message>
        <source>Sync activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a loop to run it now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search messages, SKU or purchase order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddProductsDialog</name>
    <message>
        <source>Add products from {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the Commerce catalog by name or SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for products, tick the ones to sell on Walmart, then import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import all matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every product the search finds, also beyond the rows shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import whole catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching Commerce for “{text}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the Commerce catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current page…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppearanceSettings</name>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light or dark:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkShipDialog</name>
    <message>
        <source>Ship several orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the carrier and tracking number of each order, or load a CSV file of purchase order, carrier, tracking number (and tracking link). Everything still open on an order ships, dated now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t ship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load shipments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel order {purchase_order_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose why the order is cancelled…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{verb} {purchase_order_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopSettings</name>
    <message>
        <source>Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a desktop notification for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system refused to change the login item: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>More problems happened; see the details.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Export {kind} as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the {kind} of the store shown to a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to Channel Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel Manager sells your Adobe Commerce catalog on Walmart Marketplace: it keeps prices and stock in step, brings Walmart orders into Commerce, and sends your shipments back. How would you like to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentifierTable</name>
    <message>
        <source>Commerce attributes that may hold a product&apos;s identifier, tried from the top. Identifiers are checked (check digit) and turned into a GTIN-14 before matching.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commerce attribute code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyringDialog</name>
    <message>
        <source>&lt;b&gt;{TITLE}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue without connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageSettings</name>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListingsPage</name>
    <message>
        <source>Listings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add products…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search SKU, name, UPC/EAN or item id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Channel Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {TITLE}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{TITLE}&lt;/b&gt; {version__}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell your Adobe Commerce / Magento catalog on Walmart Marketplace: listings, prices, stock, orders and returns kept in step from your desktop.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchPanel</name>
    <message>
        <source>Select a listing to see what its match needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sku} — {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchingPage</name>
    <message>
        <source>Matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match on Walmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search SKU, name or identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walmart item {item_id} chosen; it is set up by match next pass.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteLine</name>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDetailParts</name>
    <message>
        <source>{label}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDetailView</name>
    <message>
        <source>Nothing has shipped yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← All orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to all orders (Esc, Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel as out of stock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the whole order on Walmart with the reason “Out of stock”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Error{step}:&lt;/b&gt; {error}{fix}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The buyer asked Walmart to cancel this order.&lt;/b&gt; Cancel it with the reason “Buyer asked to cancel”, or ship it anyway if it has already left.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderFilterBar</name>
    <message>
        <source>Search Walmart PO, customer order, Commerce order, customer or tracking number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderTools</name>
    <message>
        <source>Ship several orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packing slip…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersChart</name>
    <message>
        <source>{ORDERS_TITLE} — no orders yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersEmptyState</name>
    <message>
        <source>Show all orders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackingSlipDialog</name>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save packing slips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageWiring</name>
    <message>
        <source>in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to pick</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each store links a Commerce store view to a Walmart seller account. Sync intervals, the safety buffer, the price rule and identifier attributes are set per store (Edit). Secrets stay in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync and rules of the selected store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No store yet: add your Commerce store and Walmart account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store {verb}. Syncing picks up the change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Ship order {purchase_order_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship anyway — the buyer asked Walmart to cancel this order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a carrier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier name as on the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As printed on the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… (optional; needed for an unlisted carrier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items in this shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t ship</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync and rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access token comes from Commerce Admin &gt; System &gt; Extensions &gt; Integrations; the Client ID and Secret from Walmart Seller Center &gt; Settings &gt; API Key Management. Secrets are kept in the system keyring, never in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> units held back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety buffer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> % on the Commerce price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walmart price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Commerce inventory source (Stores &gt; Inventory &gt; Sources) that shipments made here name, so Commerce takes the stock from where you ship. Single-source shops: default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel on Walmart as “{label}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order cancelled in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail of every Commerce order made for a Walmart order. Commerce sends its order, invoice and shipment e-mails there; Walmart forbids writing to its buyers, so it is never the buyer&apos;s address. Empty: an address that reaches nobody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing Commerce and Walmart…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Find an order, SKU or tracking number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
