<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ActivityPage</name>
    <message>
        <source>nothing to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %n min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the activity log</source>
        <translation type="unfinished"></translation>
    </message>
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
    <message>
        <source>Resume syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync has run yet — connect a store in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
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
        <source>Language:</source>
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
    <name>BulkOutcome</name>
    <message>
        <source>{count} skipped ({sku}: {reason} and {more} more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} skipped ({sku}: {reason}).</source>
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
        <source>Line {line}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read from the file — </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shipped now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) ready to ship</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n refused.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ship %n order(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
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
        <source>&lt;b&gt;Send to Walmart the cancellation of Walmart order {po}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Cancel the whole Walmart order {po}&lt;/b&gt;</source>
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
        <source>Walmart cancels whole orders only: every unshipped item below is cancelled on Walmart and Commerce order {order}. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walmart cancels whole orders only: every unshipped item below is cancelled on Walmart. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These items were cancelled in Commerce. Walmart needs a reason Commerce does not record; choose it and the cancellation is sent to Walmart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send cancellation of order {po}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel order {po}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelReason</name>
    <message>
        <source>Out of stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pricing error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot ship to this address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraud suspected: stop shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer asked to cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardButton</name>
    <message>
        <source>{title}: {count} — click to open the list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message>
        <source>Give the store a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map at least one Commerce attribute to an identifier (UPC, EAN, ISBN or GTIN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order is not in Commerce yet; ship it once it has been created there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything on this order has been shipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of the order has shipped; Walmart only cancels whole unshipped orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is left to ship or cancel on this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The buyer asked to cancel this order; confirm that you still want to ship it, or cancel it with the reason “Buyer asked to cancel”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose why the order is cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type the carrier&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most 64 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter a web address starting with https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most 500 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the carrier&apos;s tracking number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be later than tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be before the order date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ship at least one item (all quantities are 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Load the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DelayChart</name>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopSettings</name>
    <message>
        <source>Start Channel Manager when I log in</source>
        <translation type="unfinished"></translation>
    </message>
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
    <message>
        <source>New Walmart orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync problems (a sync step starts failing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders cancelled in Commerce that need you</source>
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
        <source>Connect my store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Commerce URL and access token, and your Walmart Client ID and Secret. You can test the connection before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore with a demo shop and a simulated Walmart account on this computer. Nothing is sent anywhere.</source>
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
    <name>Labels</name>
    <message>
        <source>Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunds queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to ship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walmart purchase order (or Commerce order number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders per day by status (last 30 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync delay per loop, worst per 10 min (last 24 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync delay per loop (last 24 h) — no sync runs yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For each sync loop: the longest a change could have waited before the loop carried it across — from the start of the loop&apos;s last successful run to the end of the next run. Intervals are set per store in Settings; a failing loop&apos;s delay keeps growing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To create in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due to ship today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listings active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listings in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords cannot be stored safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel Manager never falls back to saving secrets in a plain file. If you continue, you can look at data already synced, but no store can connect until a keyring is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the listings first: nothing shown in the list is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a Walmart item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for Walmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Fix the cause (in Commerce or on Walmart), then click Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Cancelled in Commerce — choose the reason for Walmart.&lt;/b&gt; Walmart still expects this order to ship; nothing is sent until you choose a reason with “Choose reason for Walmart…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to Walmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledging on Walmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating the order in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looking for the order in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating the Commerce cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding the items to the Commerce cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting the shipping address in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>placing the order in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linking the Commerce order to Walmart&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding the Walmart order comment in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipping in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending the shipment to Walmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelling on Walmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelling in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading a shipment made in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording the return in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunding the return on Walmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer asked to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No note. Notes stay on this computer and the search finds them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a store (Settings) before adding products.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orders in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orders overdue (past their ship-by date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orders due to ship today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listings in error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listings need you to pick a Walmart item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walmart return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Walmart returns yet. Returns buyers open on Walmart appear here after the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund on Walmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one return to refund it on Walmart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walmart API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in the keyring — type to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Walmart orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product changes in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price and stock changes to Walmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full stock re-check on Walmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listings waiting for a match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipments made in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walmart returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders cancelled in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold it until I choose Walmart&apos;s reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection test failed: correct the details above, or test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walmart price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walmart stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walmart item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This listing could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walmart PO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commerce order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This row could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search becomes available once orders and listings have been synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check both stores for changes right away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing is paused; start it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walmart total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commerce total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commerce access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walmart Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walmart Client Secret</source>
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
    <name>ListingState</name>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready to list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unmatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ineligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListingsPage</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load listings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add products…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match on Walmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend price and stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search SKU, name, UPC/EAN or item id</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) sent for matching on Walmart.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) will get price and stock sent again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop syncing %n listing(s)? Their queued updates are dropped. The Walmart items stay as they are: retire them in Seller Center to stop selling.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n listing(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) removed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No listings match “{search}”. Search looks in SKU, name and identifiers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No listings yet — choose the Commerce products to sell on Walmart with “Add products…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No listings are {state} right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingsTable</name>
    <message>
        <source>No UPC, EAN, ISBN or GTIN in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of stock in Commerce: Walmart shows it unavailable until stock returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled in Commerce: enable the product there to sell it on Walmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several Walmart items match: pick one in Matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on Walmart: the item needs a full setup in Seller Center</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending {price} to Walmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending quantity {quantity} to Walmart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price sent {price_sent}; stock sent {stock_sent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocaleFormat</name>
    <message>
        <source>MMM d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm:ss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>${amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} {currency}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Channel Manager — demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel Manager</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>About Channel Manager</source>
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
        <source>Load listings to match</source>
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
    <message numerus="yes">
        <source>%n listing(s) sent for matching on Walmart.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
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
    <message>
        <source>Note on this order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <source>Select one order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship and cancel one order at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Shipment of %n item(s) of order {order} queued for Walmart and Commerce.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Ship order {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} cancelled ({reason}); Walmart is being told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order} cancelled ({reason}); Walmart and Commerce are being told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel order {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retry %n order(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n order(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <source>at the {step} step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(reference to quote if you ask for support: {reference})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(reference to quote to Walmart support: {reference})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — &lt;a href=&quot;{url}&quot;&gt;open it in the Commerce admin&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — find it by SKU in the Commerce admin (Catalog &gt; Products)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Retry fails again until this is fixed in Commerce:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Fix it there and click Retry, or cancel the order on Walmart as “Out of stock”.</source>
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
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline (newest first)</source>
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
        <source>Walmart PO {po}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ·  Commerce order {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the tracking number and ship.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose reason for Walmart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the cancellation made in Commerce to Walmart with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the whole order on Walmart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry fails again until the product is fixed in Commerce.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the failed step again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Error {step}:&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Error:&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
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
    <message>
        <source>Any status ({count})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created in Commerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partially shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
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
        <source>{title} — no orders yet</source>
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
        <source>Load orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
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
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy order numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packing slip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship several…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one order to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry is for orders in error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select orders to copy their numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select orders to print their packing slips.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retry %n order(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersTable</name>
    <message>
        <source>Overdue · {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buyer asked to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: {error} — open the order to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The buyer asked Walmart to cancel: cancel the order, or ship it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ship-by date has passed; Walmart cancels late orders by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must ship today.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackingSlipDialog</name>
    <message>
        <source>Packing slip — order {po}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Packing slips — %n orders</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slip(s), one page per order.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
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
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products imported: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>Credit memo #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMA #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting a credit memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Refund Walmart return {return_id} (customer order {customer_order}, %n unit(s), {amount}) on Walmart now, without waiting for a credit memo in Commerce?

Walmart refunds the buyer; if the order was invoiced in Commerce, a credit memo is made there too.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Refund Walmart return {return_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Refund of Walmart return {return_id} queued (%n unit(s), order {order}).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Refund Walmart return {return_id} on Walmart now.</source>
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
        <source>{name} (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No store yet: add your Commerce store and Walmart account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store added. Syncing picks up the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store saved. Syncing picks up the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “{name}”? Its listings, orders and history are deleted from this computer and its secrets from the keyring. Nothing changes in Commerce or on Walmart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store removed. Syncing picks up the change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsSummary</name>
    <message>
        <source>{check} every {interval}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Commerce price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Commerce price {adjustment}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled on Walmart as “{reason}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>held until you choose Walmart&apos;s reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Walmart price:&lt;/b&gt; {price}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Order cancelled in Commerce:&lt;/b&gt; {cancel}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Identifiers read from:&lt;/b&gt; {attributes}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Shipments:&lt;/b&gt; from the Commerce source “{source}”, which Commerce takes the stock from.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Checks:&lt;/b&gt; {checks}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Commerce order e-mail:&lt;/b&gt; {email} (Commerce&apos;s order, invoice and shipment e-mails go there, never to the Walmart buyer).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seconds} s</source>
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
        <source>&lt;b&gt;Ship Walmart order {po}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · Commerce order {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{customer} · %n item(s) left to ship</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> · ship by {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship part of it now and the rest later if you need to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a carrier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other (type its name)</source>
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
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items in this shipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity of {sku} to ship now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ship %n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{date} — passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today {time}</source>
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
    <name>StatusBar</name>
    <message>
        <source>No sync has run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: {loops}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusPill</name>
    <message>
        <source>Status: {status}</source>
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
        <source>Store name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Main shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commerce URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store view code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walmart API URL</source>
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
        <source>Ship from source</source>
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
        <source>Edit store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commerce order e-mail</source>
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
    <name>SyncText</name>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMM d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state} · last sync {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: {done} of {total} loops have run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: {total} loops, the oldest {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find an order, SKU or tracking number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
