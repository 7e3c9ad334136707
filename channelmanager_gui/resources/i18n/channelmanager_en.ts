<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AddProductsDialog</name>
    <message numerus="yes">
        <source>%n product(s) found (first {limit} shown).</source>
        <translation>
            <numerusform>%n product found (first {limit} shown).</numerusform>
            <numerusform>%n products found (first {limit} shown).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) found.</source>
        <translation>
            <numerusform>%n product found.</numerusform>
            <numerusform>%n products found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n product(s)</source>
        <translation>
            <numerusform>Import %n product</numerusform>
            <numerusform>Import %n products</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkShipDialog</name>
    <message numerus="yes">
        <source>%n order(s) ready to ship</source>
        <translation>
            <numerusform>%n order ready to ship</numerusform>
            <numerusform>%n orders ready to ship</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n refused.</source>
        <translation>
            <numerusform>, %n refused.</numerusform>
            <numerusform>, %n refused.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ship %n order(s)</source>
        <translation>
            <numerusform>Ship %n order</numerusform>
            <numerusform>Ship %n orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingsPage</name>
    <message numerus="yes">
        <source>%n listing(s) sent for matching on Walmart.</source>
        <translation>
            <numerusform>%n listing sent for matching on Walmart.</numerusform>
            <numerusform>%n listings sent for matching on Walmart.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) will get price and stock sent again.</source>
        <translation>
            <numerusform>%n listing will get price and stock sent again.</numerusform>
            <numerusform>%n listings will get price and stock sent again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop syncing %n listing(s)? Their queued updates are dropped. The Walmart items stay as they are: retire them in Seller Center to stop selling.</source>
        <translation>
            <numerusform>Stop syncing %n listing? Their queued updates are dropped. The Walmart items stay as they are: retire them in Seller Center to stop selling.</numerusform>
            <numerusform>Stop syncing %n listings? Their queued updates are dropped. The Walmart items stay as they are: retire them in Seller Center to stop selling.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n listing(s)</source>
        <translation>
            <numerusform>Remove %n listing</numerusform>
            <numerusform>Remove %n listings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) removed.</source>
        <translation>
            <numerusform>%n listing removed.</numerusform>
            <numerusform>%n listings removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatchingPage</name>
    <message numerus="yes">
        <source>%n listing(s) sent for matching on Walmart.</source>
        <translation>
            <numerusform>%n listing sent for matching on Walmart.</numerusform>
            <numerusform>%n listings sent for matching on Walmart.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoticeWords</name>
    <message numerus="yes">
        <source>Open Orders to see them.</source>
        <translation>
            <numerusform>Open Orders to see it.</numerusform>
            <numerusform>Open Orders to see them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) cancelled in Commerce</source>
        <translation>
            <numerusform>%n order cancelled in Commerce</numerusform>
            <numerusform>%n orders cancelled in Commerce</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partly shipped order(s) cancelled in Commerce</source>
        <translation>
            <numerusform>%n partly shipped order cancelled in Commerce</numerusform>
            <numerusform>%n partly shipped orders cancelled in Commerce</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new order(s)</source>
        <translation>
            <numerusform>%n new order</numerusform>
            <numerusform>%n new orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new {marketplace} order(s)</source>
        <translation>
            <numerusform>%n new {marketplace} order</numerusform>
            <numerusform>%n new {marketplace} orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message numerus="yes">
        <source>Shipment of %n item(s) of order {order} queued for {marketplace} and Commerce.</source>
        <translation>
            <numerusform>Shipment of %n item of order {order} queued for {marketplace} and Commerce.</numerusform>
            <numerusform>Shipment of %n items of order {order} queued for {marketplace} and Commerce.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retry %n order(s)</source>
        <translation>
            <numerusform>Retry %n order</numerusform>
            <numerusform>Retry %n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n order(s).</source>
        <translation>
            <numerusform>Retrying %n order.</numerusform>
            <numerusform>Retrying %n orders.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderTools</name>
    <message numerus="yes">
        <source>%n order(s) shipped; queued for Walmart and Commerce.</source>
        <translation>
            <numerusform>%n order shipped; queued for Walmart and Commerce.</numerusform>
            <numerusform>%n orders shipped; queued for Walmart and Commerce.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message numerus="yes">
        <source>Retry %n order(s)</source>
        <translation>
            <numerusform>Retry %n order</numerusform>
            <numerusform>Retry %n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackingSlipDialog</name>
    <message numerus="yes">
        <source>Packing slips — %n orders</source>
        <translation>
            <numerusform>Packing slips — %n orders</numerusform>
            <numerusform>Packing slips — %n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slip(s), one page per order.</source>
        <translation>
            <numerusform>%n slip, one page per order.</numerusform>
            <numerusform>%n slips, one page per order.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message numerus="yes">
        <source>Refund {marketplace} return {return_id} (customer order {customer_order}, %n unit(s), {amount}) on {marketplace} now, without waiting for a credit memo in Commerce?

{marketplace} refunds the buyer; if the order was invoiced in Commerce, a credit memo is made there too.</source>
        <translation>
            <numerusform>Refund {marketplace} return {return_id} (customer order {customer_order}, %n unit, {amount}) on {marketplace} now, without waiting for a credit memo in Commerce?

{marketplace} refunds the buyer; if the order was invoiced in Commerce, a credit memo is made there too.</numerusform>
            <numerusform>Refund {marketplace} return {return_id} (customer order {customer_order}, %n units, {amount}) on {marketplace} now, without waiting for a credit memo in Commerce?

{marketplace} refunds the buyer; if the order was invoiced in Commerce, a credit memo is made there too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refund of {marketplace} return {return_id} queued (%n unit(s), order {order}).</source>
        <translation>
            <numerusform>Refund of {marketplace} return {return_id} queued (%n unit, order {order}).</numerusform>
            <numerusform>Refund of {marketplace} return {return_id} queued (%n units, order {order}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message numerus="yes">
        <source>{customer} · %n item(s) left to ship</source>
        <translation>
            <numerusform>{customer} · %n item left to ship</numerusform>
            <numerusform>{customer} · %n items left to ship</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ship %n item(s)</source>
        <translation>
            <numerusform>Ship %n item</numerusform>
            <numerusform>Ship %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncCounts</name>
    <message numerus="yes">
        <source>%n open error(s)</source>
        <translation>
            <numerusform>%n open error</numerusform>
            <numerusform>%n open errors</numerusform>
        </translation>
    </message>
</context>
</TS>
