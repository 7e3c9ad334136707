<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityPage</name>
    <message>
        <source>nothing to do</source>
        <translation>无需处理</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>正在运行</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>即将运行</translation>
    </message>
    <message>
        <source>in %n s</source>
        <translation>%n 秒后</translation>
    </message>
    <message>
        <source>in %n min</source>
        <translation>%n 分钟后</translation>
    </message>
    <message>
        <source>Load the activity log</source>
        <translation>加载活动日志</translation>
    </message>
    <message>
        <source>Sync activity</source>
        <translation>同步活动</translation>
    </message>
    <message>
        <source>Pause syncing</source>
        <translation>暂停同步</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Double-click a loop to run it now</source>
        <translation>双击某个同步任务可立即运行</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>活动日志</translation>
    </message>
    <message>
        <source>Search messages, SKU or purchase order</source>
        <translation>搜索消息、SKU 或采购订单号</translation>
    </message>
    <message>
        <source>Resume syncing</source>
        <translation>恢复同步</translation>
    </message>
    <message>
        <source>No sync has run yet — connect a store in Settings.</source>
        <translation>尚未运行过同步 — 请在“设置”中连接店铺。</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
</context>
<context>
    <name>AddProductsDialog</name>
    <message>
        <source>Add products from {name}</source>
        <translation>从 {name} 添加商品</translation>
    </message>
    <message>
        <source>Search the Commerce catalog by name or SKU</source>
        <translation>按名称或 SKU 搜索 Commerce 商品目录</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search for products, tick the ones to sell on Walmart, then import.</source>
        <translation>搜索商品，勾选要在 Walmart 上销售的商品，然后导入。</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Import all matching</source>
        <translation>导入全部匹配结果</translation>
    </message>
    <message>
        <source>Every product the search finds, also beyond the rows shown</source>
        <translation>搜索到的所有商品，包括未显示在列表中的</translation>
    </message>
    <message>
        <source>Import whole catalog</source>
        <translation>导入整个商品目录</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Searching Commerce for “{text}”…</source>
        <translation>正在 Commerce 中搜索“{text}”…</translation>
    </message>
    <message>
        <source>Search the Commerce catalog</source>
        <translation>搜索 Commerce 商品目录</translation>
    </message>
    <message>
        <source>Nothing in the Commerce catalog matches “{search}”.</source>
        <translation>Commerce 商品目录中没有与“{search}”匹配的商品。</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) found (first {limit} shown).</source>
        <translation>
            <numerusform>找到 %n 个商品（显示前 {limit} 个）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) found.</source>
        <translation>
            <numerusform>找到 %n 个商品。</numerusform>
        </translation>
    </message>
    <message>
        <source>Already listed</source>
        <translation>已刊登</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <source>Stopping after the current page…</source>
        <translation>当前页完成后停止…</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>{done} read</source>
        <translation>已读取 {done} 个</translation>
    </message>
    <message>
        <source>Import finished: {summary}.</source>
        <translation>导入完成：{summary}。</translation>
    </message>
    <message numerus="yes">
        <source>Import %n product(s)</source>
        <translation>
            <numerusform>导入 %n 个商品</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AmazonAccountDialog</name>
    <message>
        <source>Amazon.com (US)</source>
        <translation>Amazon.com（美国）</translation>
    </message>
    <message>
        <source>Amazon.ca (Canada)</source>
        <translation>Amazon.ca（加拿大）</translation>
    </message>
    <message>
        <source>Amazon.com.mx (Mexico)</source>
        <translation>Amazon.com.mx（墨西哥）</translation>
    </message>
    <message>
        <source>LWA client ID</source>
        <translation>LWA 客户端 ID</translation>
    </message>
    <message>
        <source>LWA client secret</source>
        <translation>LWA 客户端密钥</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>刷新令牌</translation>
    </message>
    <message>
        <source>Edit Amazon account</source>
        <translation>编辑 Amazon 账户</translation>
    </message>
    <message>
        <source>Add an Amazon account</source>
        <translation>添加 Amazon 账户</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>账户名称</translation>
    </message>
    <message>
        <source>Seller ID</source>
        <translation>卖家 ID</translation>
    </message>
    <message>
        <source>Seller Central: Settings › Account Info › Merchant Token</source>
        <translation>Seller Central：设置 › 账户信息 › 商家记号（Merchant Token）</translation>
    </message>
    <message>
        <source>Sells on</source>
        <translation>销售站点</translation>
    </message>
    <message>
        <source>SP-API URL</source>
        <translation>SP-API 网址</translation>
    </message>
    <message>
        <source>LWA token URL</source>
        <translation>LWA 令牌网址</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Save account</source>
        <translation>保存账户</translation>
    </message>
    <message>
        <source>Saved in the keyring — type to replace</source>
        <translation>已保存在密钥环中 — 输入新值以替换</translation>
    </message>
    <message>
        <source>The connection test failed: correct the details above, or test again.</source>
        <translation>连接测试失败：请更正上面的信息，或重新测试。</translation>
    </message>
    <message>
        <source>The saved secrets cannot be read: {why} Type them above to test.</source>
        <translation>无法读取已保存的密钥：{why} 请在上方输入密钥后再测试。</translation>
    </message>
    <message>
        <source>Testing the token exchange and the marketplaces…</source>
        <translation>正在测试令牌交换和各销售站点…</translation>
    </message>
    <message>
        <source>Test Amazon connection</source>
        <translation>测试 Amazon 连接</translation>
    </message>
    <message>
        <source>Connected: the token exchange works and the account sells on every chosen marketplace.</source>
        <translation>已连接：令牌交换正常，账户可在所选的每个站点销售。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Channel Manager cannot start</source>
        <translation>Channel Manager 无法启动</translation>
    </message>
    <message>
        <source>Counting open errors</source>
        <translation>正在统计未解决的错误</translation>
    </message>
    <message>
        <source>Syncing is paused: choose “Resume sync” first.</source>
        <translation>同步已暂停：请先选择“恢复同步”。</translation>
    </message>
    <message>
        <source>Syncing now…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Channel Manager is still running</source>
        <translation>Channel Manager 仍在运行</translation>
    </message>
    <message>
        <source>It keeps syncing in the background.</source>
        <translation>它会在后台继续同步。</translation>
    </message>
</context>
<context>
    <name>AppearanceSettings</name>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Light or dark:</source>
        <translation>浅色或深色：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
</context>
<context>
    <name>BulkOutcome</name>
    <message>
        <source>{count} skipped ({sku}: {reason} and {more} more).</source>
        <translation>跳过 {count} 个（{sku}：{reason}，另有 {more} 个）。</translation>
    </message>
    <message>
        <source>{count} skipped ({sku}: {reason}).</source>
        <translation>跳过 {count} 个（{sku}：{reason}）。</translation>
    </message>
</context>
<context>
    <name>BulkShipDialog</name>
    <message>
        <source>Ship several orders</source>
        <translation>批量发货</translation>
    </message>
    <message>
        <source>Enter the carrier and tracking number of each order, or load a CSV file of purchase order, carrier, tracking number (and tracking link). Everything still open on an order ships, dated now.</source>
        <translation>为每个订单填写承运商和运单号，或加载 CSV 文件（采购订单号、承运商、运单号，以及可选的跟踪链接）。订单中所有未发货的商品都会发货，发货时间为现在。</translation>
    </message>
    <message>
        <source>Load CSV…</source>
        <translation>加载 CSV…</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Don&apos;t ship</source>
        <translation>不发货</translation>
    </message>
    <message>
        <source>Line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>Not read from the file — </source>
        <translation>未从文件读取 — </translation>
    </message>
    <message>
        <source>Not shipped now</source>
        <translation>本次不发货</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) ready to ship</source>
        <translation>
            <numerusform>%n 个订单可发货</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n refused.</source>
        <translation>
            <numerusform>，%n 个被拒绝。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ship %n order(s)</source>
        <translation>
            <numerusform>发货 %n 个订单</numerusform>
        </translation>
    </message>
    <message>
        <source>Load shipments</source>
        <translation>加载发货信息</translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation>CSV (*.csv *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel order {order}</source>
        <translation>取消订单 {order}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Send the cancellation of {marketplace} order {po}&lt;/b&gt;</source>
        <translation>&lt;b&gt;发送 {marketplace} 订单 {po} 的取消&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Choose why the order is cancelled…</source>
        <translation>选择取消订单的原因…</translation>
    </message>
    <message>
        <source>These items were cancelled in Commerce. {marketplace} needs a reason Commerce does not record; choose it and the cancellation is sent to {marketplace}.</source>
        <translation>这些商品已在 Commerce 中取消。{marketplace} 需要一个 Commerce 不记录的原因；选择原因后，取消将发送给 {marketplace}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cancel the whole {marketplace} order {po}&lt;/b&gt;</source>
        <translation>&lt;b&gt;取消整个 {marketplace} 订单 {po}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{marketplace} cancels whole orders only: every unshipped item below is cancelled on {marketplace} and Commerce order {order}. This cannot be undone.</source>
        <translation>{marketplace} 只能取消整个订单：下面所有未发货的商品都会在 {marketplace} 和 Commerce 订单 {order} 中取消。此操作无法撤销。</translation>
    </message>
    <message>
        <source>{marketplace} cancels whole orders only: every unshipped item below is cancelled on {marketplace}. This cannot be undone.</source>
        <translation>{marketplace} 只能取消整个订单：下面所有未发货的商品都会在 {marketplace} 上取消。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Send cancellation of order {po}</source>
        <translation>发送订单 {po} 的取消</translation>
    </message>
    <message>
        <source>Cancel order {po}</source>
        <translation>取消订单 {po}</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>保留订单</translation>
    </message>
</context>
<context>
    <name>CancelReason</name>
    <message>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Pricing error</source>
        <translation>价格错误</translation>
    </message>
    <message>
        <source>Cannot ship to this address</source>
        <translation>无法配送到此地址</translation>
    </message>
    <message>
        <source>Fraud suspected: stop shipment</source>
        <translation>疑似欺诈：停止发货</translation>
    </message>
    <message>
        <source>Buyer asked to cancel</source>
        <translation>买家要求取消</translation>
    </message>
    <message>
        <source>No inventory</source>
        <translation>无库存</translation>
    </message>
    <message>
        <source>Shipping address undeliverable</source>
        <translation>收货地址无法送达</translation>
    </message>
    <message>
        <source>Customer exchange</source>
        <translation>顾客换货</translation>
    </message>
    <message>
        <source>The buyer canceled</source>
        <translation>买家已取消</translation>
    </message>
    <message>
        <source>General adjustment</source>
        <translation>一般调整</translation>
    </message>
    <message>
        <source>Carrier credit decision</source>
        <translation>承运商信用决定</translation>
    </message>
    <message>
        <source>Risk assessment information not valid</source>
        <translation>风险评估信息无效</translation>
    </message>
    <message>
        <source>Carrier coverage failure</source>
        <translation>承运商无法覆盖</translation>
    </message>
    <message>
        <source>Customer return</source>
        <translation>顾客退货</translation>
    </message>
    <message>
        <source>Merchandise not received</source>
        <translation>未收到商品</translation>
    </message>
</context>
<context>
    <name>CardButton</name>
    <message>
        <source>{count} {title} — click to open the list</source>
        <translation>{title}：{count} — 点击打开列表</translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message>
        <source>{label} is required.</source>
        <translation>{label}为必填项。</translation>
    </message>
    <message>
        <source>Give the store a name.</source>
        <translation>请为店铺命名。</translation>
    </message>
    <message>
        <source>Map at least one Commerce attribute to an identifier (UPC, EAN, ISBN or GTIN).</source>
        <translation>请至少将一个 Commerce 属性对应到一种商品编码（UPC、EAN、ISBN 或 GTIN）。</translation>
    </message>
    <message>
        <source>The order is cancelled.</source>
        <translation>该订单已取消。</translation>
    </message>
    <message>
        <source>The order is not in Commerce yet; ship it once it has been created there.</source>
        <translation>该订单尚未在 Commerce 中创建；创建后再发货。</translation>
    </message>
    <message>
        <source>Everything on this order has been shipped.</source>
        <translation>该订单的所有商品均已发货。</translation>
    </message>
    <message>
        <source>Nothing is left to ship or cancel on this order.</source>
        <translation>该订单没有可发货或可取消的商品。</translation>
    </message>
    <message>
        <source>The buyer asked to cancel this order; confirm that you still want to ship it, or cancel it with the reason “Buyer asked to cancel”.</source>
        <translation>买家已要求取消此订单；请确认仍要发货，或以“买家要求取消”为原因取消订单。</translation>
    </message>
    <message>
        <source>choose why the order is cancelled</source>
        <translation>请选择取消订单的原因</translation>
    </message>
    <message>
        <source>choose the carrier</source>
        <translation>请选择承运商</translation>
    </message>
    <message>
        <source>{marketplace} fulfils this order itself (FBA): it cannot be shipped from here</source>
        <translation>该订单由 {marketplace} 自行履约（FBA）：无法在此发货</translation>
    </message>
    <message>
        <source>{marketplace} fulfils this order itself (FBA): it cannot be cancelled from here</source>
        <translation>该订单由 {marketplace} 自行履约（FBA）：无法在此取消</translation>
    </message>
    <message>
        <source>“{carrier}” is not on {marketplace}&apos;s carrier list; choose “Other” and type its name</source>
        <translation>“{carrier}”不在 {marketplace} 的承运商列表中；请选择“其他”并输入其名称</translation>
    </message>
    <message>
        <source>“{reason}” is not one of {marketplace}&apos;s reasons ({choices})</source>
        <translation>“{reason}”不是 {marketplace} 的取消原因之一（{choices}）</translation>
    </message>
    <message>
        <source>type the carrier&apos;s name</source>
        <translation>请输入承运商名称</translation>
    </message>
    <message>
        <source>at most 64 characters</source>
        <translation>最多 64 个字符</translation>
    </message>
    <message>
        <source>Part of the order has shipped; {marketplace} only cancels whole unshipped orders.</source>
        <translation>订单的一部分已发货；{marketplace} 只能取消完全未发货的整笔订单。</translation>
    </message>
    <message>
        <source>order #{order} does not exist</source>
        <translation>订单 #{order} 不存在</translation>
    </message>
    <message>
        <source>{marketplace} fulfils this order itself (FBA).</source>
        <translation>该订单由 {marketplace} 自行履约（FBA）。</translation>
    </message>
    <message>
        <source>“{reason}” is not a Walmart reason ({choices})</source>
        <translation>“{reason}”不是 Walmart 的取消原因（{choices}）</translation>
    </message>
    <message>
        <source>“Buyer asked to cancel” is only allowed when the buyer asked on Walmart; choose another reason</source>
        <translation>只有买家在 Walmart 上申请取消时才能使用“买家要求取消”；请选择其他原因</translation>
    </message>
    <message>
        <source>“{carrier}” is not on Walmart&apos;s carrier list; choose “Other” and type its name</source>
        <translation>“{carrier}”不在 Walmart 的承运商列表中；请选择“其他”并输入其名称</translation>
    </message>
    <message>
        <source>Walmart needs a tracking link when the carrier is not listed</source>
        <translation>承运商不在列表中时，Walmart 需要提供物流跟踪链接</translation>
    </message>
    <message>
        <source>enter a web address starting with https://</source>
        <translation>请输入以 https:// 开头的网址</translation>
    </message>
    <message>
        <source>at most 500 characters</source>
        <translation>最多 500 个字符</translation>
    </message>
    <message>
        <source>enter the carrier&apos;s tracking number</source>
        <translation>请输入承运商的运单号</translation>
    </message>
    <message>
        <source>use only letters, digits and dashes (as on the label)</source>
        <translation>只能使用字母、数字和连字符（与面单上一致）</translation>
    </message>
    <message>
        <source>a tracking number has {least} to {most} characters</source>
        <translation>运单号应为 {least} 到 {most} 个字符</translation>
    </message>
    <message>
        <source>{number} is already used by a shipment of this order</source>
        <translation>{number} 已被该订单的另一批发货使用</translation>
    </message>
    <message>
        <source>choose one of {choices}</source>
        <translation>请从 {choices} 中选择一个</translation>
    </message>
    <message>
        <source>cannot be later than tomorrow</source>
        <translation>不能晚于明天</translation>
    </message>
    <message>
        <source>cannot be before the order date</source>
        <translation>不能早于下单日期</translation>
    </message>
    <message>
        <source>the order has no line {line}</source>
        <translation>该订单没有第 {line} 行</translation>
    </message>
    <message>
        <source>ship at least one item (all quantities are 0)</source>
        <translation>请至少发货一件商品（所有数量均为 0）</translation>
    </message>
    <message>
        <source>enter a whole number</source>
        <translation>请输入整数</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>{qty} is more than the {left} left to ship ({sku}: {ordered} ordered)</source>
        <translation>{qty} 超过了剩余可发货的 {left} 件（{sku}：订购 {ordered} 件）</translation>
    </message>
    <message>
        <source>{qty} is more than the {left} left to ship ({sku}: {ordered} ordered, {shipped} shipped)</source>
        <translation>{qty} 超过了剩余可发货的 {left} 件（{sku}：订购 {ordered} 件，已发货 {shipped} 件）</translation>
    </message>
    <message>
        <source>{qty} is more than the {left} left to ship ({sku}: {ordered} ordered, {cancelled} cancelled)</source>
        <translation>{qty} 超过了剩余可发货的 {left} 件（{sku}：订购 {ordered} 件，已取消 {cancelled} 件）</translation>
    </message>
    <message>
        <source>{qty} is more than the {left} left to ship ({sku}: {ordered} ordered, {shipped} shipped and {cancelled} cancelled)</source>
        <translation>{qty} 超过了剩余可发货的 {left} 件（{sku}：订购 {ordered} 件，已发货 {shipped} 件，已取消 {cancelled} 件）</translation>
    </message>
    <message>
        <source>the store has an account named {name}</source>
        <translation>该店铺已有名为 {name} 的账户</translation>
    </message>
    <message>
        <source>Amazon could not be reached: {error}</source>
        <translation>无法连接 Amazon：{error}</translation>
    </message>
    <message>
        <source>The LWA client ID is required.</source>
        <translation>请填写 LWA 客户端 ID。</translation>
    </message>
    <message>
        <source>The LWA client secret is required.</source>
        <translation>请填写 LWA 客户端密钥。</translation>
    </message>
    <message>
        <source>The refresh token is required.</source>
        <translation>请填写刷新令牌。</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>请为账户命名。</translation>
    </message>
    <message>
        <source>Enter the seller ID (Seller Central: Settings, Account Info, Merchant Token).</source>
        <translation>请输入卖家 ID（Seller Central：设置，账户信息，商家记号）。</translation>
    </message>
    <message>
        <source>is disabled in Commerce</source>
        <translation>在 Commerce 中已停用</translation>
    </message>
    <message>
        <source>is out of stock in Commerce</source>
        <translation>在 Commerce 中缺货</translation>
    </message>
    <message>
        <source>“{url}” is not a valid web address ({error})</source>
        <translation>“{url}”不是有效的网址（{error}）</translation>
    </message>
    <message>
        <source>“{url}” must start with https:// and name a host</source>
        <translation>“{url}”必须以 https:// 开头并包含主机名</translation>
    </message>
    <message>
        <source>“{url}” uses plain http; use https:// (http is allowed only for localhost)</source>
        <translation>“{url}”使用了不安全的 http；请使用 https://（http 仅允许用于 localhost）</translation>
    </message>
    <message>
        <source>the address must not contain a user name, password, query or fragment</source>
        <translation>地址中不能包含用户名、密码、查询参数或片段</translation>
    </message>
    <message>
        <source>the order is already on line {line}</source>
        <translation>该订单已在第 {line} 行</translation>
    </message>
    <message>
        <source>no purchase order number</source>
        <translation>没有采购订单号</translation>
    </message>
    <message>
        <source>no order has this number</source>
        <translation>没有订单使用此编号</translation>
    </message>
    <message>
        <source>the line has too few columns (purchase order, carrier, tracking)</source>
        <translation>该行的列数不足（采购订单、承运商、运单号）</translation>
    </message>
    <message>
        <source>{amount} in Commerce</source>
        <translation>Commerce 中 {amount}</translation>
    </message>
    <message>
        <source>a store named {name} already exists</source>
        <translation>已存在名为 {name} 的店铺</translation>
    </message>
    <message>
        <source>at most {most} characters ({typed} typed)</source>
        <translation>最多 {most} 个字符（已输入 {typed} 个）</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Load the dashboard</source>
        <translation>加载概览</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Listings</source>
        <translation>刊登</translation>
    </message>
</context>
<context>
    <name>DelayChart</name>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
</context>
<context>
    <name>DesktopSettings</name>
    <message>
        <source>Start Channel Manager when I log in</source>
        <translation>登录时启动 Channel Manager</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>桌面</translation>
    </message>
    <message>
        <source>Show a desktop notification for:</source>
        <translation>以下情况显示桌面通知：</translation>
    </message>
    <message>
        <source>The system refused to change the login item: {exc}</source>
        <translation>系统拒绝更改登录启动项：{exc}</translation>
    </message>
    <message>
        <source>New marketplace orders</source>
        <translation>新的平台订单</translation>
    </message>
    <message>
        <source>Sync problems (a sync step starts failing)</source>
        <translation>同步问题（某个同步步骤开始失败）</translation>
    </message>
    <message>
        <source>Orders cancelled in Commerce that need you</source>
        <translation>在 Commerce 中取消、需要您处理的订单</translation>
    </message>
</context>
<context>
    <name>EngineControl</name>
    <message>
        <source>Connecting stores</source>
        <translation>正在连接店铺</translation>
    </message>
    <message>
        <source>Reconnecting stores</source>
        <translation>正在重新连接店铺</translation>
    </message>
    <message>
        <source>Restarting the sync</source>
        <translation>正在重新启动同步</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>More problems happened; see the details.</source>
        <translation>还发生了更多问题；请查看详细信息。</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Export {kind} as CSV…</source>
        <translation>将{kind}导出为 CSV…</translation>
    </message>
    <message>
        <source>Write the {kind} of the store shown to a CSV file.</source>
        <translation>将当前店铺的{kind}写入 CSV 文件。</translation>
    </message>
    <message>
        <source>Export {kind}</source>
        <translation>导出{kind}</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>{count} {kind} exported to {path}</source>
        <translation>已将 {count} 条{kind}导出到 {path}</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>carrier name</source>
        <translation>承运商名称</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>shipping method</source>
        <translation>配送方式</translation>
    </message>
    <message>
        <source>tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>tracking URL</source>
        <translation>物流跟踪链接</translation>
    </message>
    <message>
        <source>ship date</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <source>quantities</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>cancellation reason</source>
        <translation>取消原因</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to Channel Manager</source>
        <translation>欢迎使用 Channel Manager</translation>
    </message>
    <message>
        <source>Channel Manager sells your Adobe Commerce catalog on Walmart Marketplace: it keeps prices and stock in step, brings Walmart orders into Commerce, and sends your shipments back. How would you like to start?</source>
        <translation>Channel Manager 帮您在 Walmart Marketplace 上销售 Adobe Commerce 商品：保持价格和库存同步，将 Walmart 订单导入 Commerce，并回传发货信息。您想如何开始？</translation>
    </message>
    <message>
        <source>Connect my store</source>
        <translation>连接我的店铺</translation>
    </message>
    <message>
        <source>Your Commerce URL and access token, and your Walmart Client ID and Secret. You can test the connection before saving.</source>
        <translation>填写 Commerce 网址和访问令牌，以及 Walmart Client ID 和 Secret。保存前可以测试连接。</translation>
    </message>
    <message>
        <source>Needs a safe place for your access token and Walmart secret (a system keyring), and this computer has none yet: install and unlock one, then start Channel Manager again. The demo works meanwhile.</source>
        <translation>需要一个安全的位置来保存您的访问令牌和 Walmart 密钥（系统密钥环），而这台电脑还没有：请安装并解锁一个密钥环，然后重新启动 Channel Manager。在此期间可以先试用演示。</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>试用演示</translation>
    </message>
    <message>
        <source>Explore with a demo shop and a simulated Walmart account on this computer. Nothing is sent anywhere.</source>
        <translation>在本机使用演示店铺和模拟的 Walmart 账户进行体验。不会向任何地方发送数据。</translation>
    </message>
    <message>
        <source>Later, Help › Get started… brings you back here.</source>
        <translation>之后可通过“帮助 › 开始使用…”回到这里。</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>IdentifierProblem</name>
    <message>
        <source>{kind} is empty</source>
        <translation>{kind} 为空</translation>
    </message>
    <message>
        <source>ISBN-10 {value} has a wrong check digit</source>
        <translation>ISBN-10 {value} 的校验位错误</translation>
    </message>
    <message>
        <source>{kind} {value} must contain only digits</source>
        <translation>{kind} {value} 只能包含数字</translation>
    </message>
    <message>
        <source>{kind} {value} has {digits} digits; expected 8, 12, 13 or 14</source>
        <translation>{kind} {value} 有 {digits} 位数字；应为 8、12、13 或 14 位</translation>
    </message>
    <message>
        <source>UPC {value} must have 12 digits</source>
        <translation>UPC {value} 必须是 12 位数字</translation>
    </message>
    <message>
        <source>EAN {value} must have 13 (or 8) digits</source>
        <translation>EAN {value} 必须是 13（或 8）位数字</translation>
    </message>
    <message>
        <source>ISBN {value} must start with 978 or 979</source>
        <translation>ISBN {value} 必须以 978 或 979 开头</translation>
    </message>
    <message>
        <source>{kind} {value} has a wrong check digit</source>
        <translation>{kind} {value} 的校验位错误</translation>
    </message>
    <message>
        <source>{problem} (attribute “{code}”)</source>
        <translation>{problem}（属性“{code}”）</translation>
    </message>
    <message>
        <source>No product identifier: fill one of the attributes {codes} in Commerce</source>
        <translation>没有商品标识符：请在 Commerce 中填写属性 {codes} 之一</translation>
    </message>
    <message>
        <source>(none configured)</source>
        <translation>（未配置）</translation>
    </message>
</context>
<context>
    <name>IdentifierTable</name>
    <message>
        <source>Commerce attributes that may hold a product&apos;s identifier, tried from the top. Identifiers are checked (check digit) and turned into a GTIN-14 before matching.</source>
        <translation>可能包含商品编码的 Commerce 属性，按从上到下的顺序尝试。匹配前会校验编码（校验位）并转换为 GTIN-14。</translation>
    </message>
    <message>
        <source>Commerce attribute code</source>
        <translation>Commerce 属性代码</translation>
    </message>
    <message>
        <source>Identifier kind</source>
        <translation>编码类型</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>添加属性</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>{count} imported</source>
        <translation>已导入 {count} 个</translation>
    </message>
    <message>
        <source>{count} updated</source>
        <translation>已更新 {count} 个</translation>
    </message>
    <message>
        <source>{count} incomplete (no valid identifier)</source>
        <translation>{count} 个信息不完整（无有效商品编码）</translation>
    </message>
    <message>
        <source>{count} skipped</source>
        <translation>跳过 {count} 个</translation>
    </message>
    <message>
        <source>{count} not found in Commerce</source>
        <translation>{count} 个在 Commerce 中未找到</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source> — cancelled</source>
        <translation> — 已取消</translation>
    </message>
</context>
<context>
    <name>KeyringDialog</name>
    <message>
        <source>Copy instructions</source>
        <translation>复制说明</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Continue without connecting</source>
        <translation>不连接，继续</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Loop</source>
        <translation>同步任务</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>上次运行</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>下次运行</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>上次结果</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>上次错误</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>已查看</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>known</source>
        <translation>已知</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>已检查</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>matched</source>
        <translation>已匹配</translation>
    </message>
    <message>
        <source>with several candidates</source>
        <translation>有多个候选</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>held</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <source>untracked</source>
        <translation>未跟踪</translation>
    </message>
    <message>
        <source>set up</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>prices queued</source>
        <translation>价格待发送</translation>
    </message>
    <message>
        <source>new returns</source>
        <translation>新退货</translation>
    </message>
    <message>
        <source>refunds queued</source>
        <translation>待退款</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>采购订单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Tracking link</source>
        <translation>跟踪链接</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Ready to ship</source>
        <translation>可以发货</translation>
    </message>
    <message>
        <source>Marketplace order number (or Commerce order number)</source>
        <translation>销售平台订单号（或 Commerce 订单号）</translation>
    </message>
    <message>
        <source>Orders per day by status (last 30 days)</source>
        <translation>每日订单（按状态，近 30 天）</translation>
    </message>
    <message>
        <source>Sync delay per loop, worst per 10 min (last 24 h)</source>
        <translation>各同步任务的延迟，每 10 分钟最大值（近 24 小时）</translation>
    </message>
    <message>
        <source>Sync delay per loop (last 24 h) — no sync runs yet</source>
        <translation>各同步任务的延迟（近 24 小时）— 尚无同步记录</translation>
    </message>
    <message>
        <source>For each sync loop: the longest a change could have waited before the loop carried it across — from the start of the loop&apos;s last successful run to the end of the next run. Intervals are set per store in Settings; a failing loop&apos;s delay keeps growing.</source>
        <translation>每个同步任务中，一项更改在被同步之前最长可能等待的时间 — 从该任务上次成功运行的开始到下一次运行结束。间隔在“设置”中按店铺设定；失败的任务延迟会持续增长。</translation>
    </message>
    <message>
        <source>To acknowledge</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>To create in Commerce</source>
        <translation>待在 Commerce 中创建</translation>
    </message>
    <message>
        <source>Due to ship today</source>
        <translation>今天须发货</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Orders in error</source>
        <translation>出错的订单</translation>
    </message>
    <message>
        <source>Listings active</source>
        <translation>在售刊登</translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>信息不完整</translation>
    </message>
    <message>
        <source>Listings in error</source>
        <translation>出错的刊登</translation>
    </message>
    <message>
        <source>Passwords cannot be stored safely</source>
        <translation>无法安全保存密码</translation>
    </message>
    <message>
        <source>Channel Manager never falls back to saving secrets in a plain file. If you continue, you can look at data already synced, but no store can connect until a keyring is available. The demo works without one (Help › Get started…).</source>
        <translation>Channel Manager 绝不会把密钥保存到普通文件中。如果继续，您可以查看已同步的数据，但在密钥环可用之前，任何店铺都无法连接。演示无需密钥环即可使用（帮助 › 开始使用…）。</translation>
    </message>
    <message>
        <source>Select the listings first: nothing shown in the list is selected.</source>
        <translation>请先选择刊登：列表中没有选中的项目。</translation>
    </message>
    <message>
        <source>Pick a Walmart item</source>
        <translation>选择 Walmart 商品</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <source>Waiting for Walmart</source>
        <translation>等待 Walmart</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>已匹配</translation>
    </message>
    <message>
        <source>To pick</source>
        <translation>待选择</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Listings</source>
        <translation>刊登</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Sync activity</source>
        <translation>同步活动</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>订购</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税费</translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>配送方式</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>&lt;br&gt;Fix the cause (in Commerce or on {marketplace}), then click Retry.</source>
        <translation>&lt;br&gt;请先（在 Commerce 或 {marketplace} 中）解决问题，然后点击“重试”。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cancelled in Commerce — choose the reason for {marketplace}.&lt;/b&gt; {marketplace} still expects this order to ship; nothing is sent until you choose a reason with “Choose reason for {marketplace}…”.</source>
        <translation>&lt;b&gt;已在 Commerce 中取消 — 请为 {marketplace} 选择原因。&lt;/b&gt;{marketplace} 仍认为此订单需要发货；在您通过“为 {marketplace} 选择原因…”选定原因之前，不会发送任何内容。</translation>
    </message>
    <message>
        <source>Sent to marketplace</source>
        <translation>已发送至平台</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>销售平台</translation>
    </message>
    <message>
        <source>Customer order</source>
        <translation>客户订单号</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation>发货截止</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Amazon total</source>
        <translation>Amazon 总额</translation>
    </message>
    <message>
        <source>acknowledging on Walmart</source>
        <translation>在 Walmart 上确认订单时</translation>
    </message>
    <message>
        <source>creating the order in Commerce</source>
        <translation>在 Commerce 中创建订单时</translation>
    </message>
    <message>
        <source>looking for the order in Commerce</source>
        <translation>在 Commerce 中查找订单时</translation>
    </message>
    <message>
        <source>creating the Commerce cart</source>
        <translation>创建 Commerce 购物车时</translation>
    </message>
    <message>
        <source>adding the items to the Commerce cart</source>
        <translation>向 Commerce 购物车添加商品时</translation>
    </message>
    <message>
        <source>setting the shipping address in Commerce</source>
        <translation>在 Commerce 中设置收货地址时</translation>
    </message>
    <message>
        <source>placing the order in Commerce</source>
        <translation>在 Commerce 中下单时</translation>
    </message>
    <message>
        <source>linking the Commerce order to Walmart&apos;s</source>
        <translation>将 Commerce 订单与 Walmart 订单关联时</translation>
    </message>
    <message>
        <source>adding the Walmart order comment in Commerce</source>
        <translation>在 Commerce 中添加 Walmart 订单备注时</translation>
    </message>
    <message>
        <source>shipping in Commerce</source>
        <translation>在 Commerce 中发货时</translation>
    </message>
    <message>
        <source>sending the shipment to Walmart</source>
        <translation>向 Walmart 发送发货信息时</translation>
    </message>
    <message>
        <source>cancelling on Walmart</source>
        <translation>在 Walmart 上取消时</translation>
    </message>
    <message>
        <source>cancelling in Commerce</source>
        <translation>在 Commerce 中取消时</translation>
    </message>
    <message>
        <source>reading a shipment made in Commerce</source>
        <translation>读取 Commerce 中的发货记录时</translation>
    </message>
    <message>
        <source>recording the return in Commerce</source>
        <translation>在 Commerce 中记录退货时</translation>
    </message>
    <message>
        <source>refunding the return on Walmart</source>
        <translation>在 Walmart 上为退货退款时</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>全部订单</translation>
    </message>
    <message>
        <source>In error</source>
        <translation>出错</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>Buyer asked to cancel</source>
        <translation>买家要求取消</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>任意日期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>近 90 天</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <source>No note. Notes stay on this computer and the search finds them.</source>
        <translation>无备注。备注只保存在本机，可通过搜索找到。</translation>
    </message>
    <message>
        <source>Connect a store (Settings) before adding products.</source>
        <translation>添加商品前，请先（在“设置”中）连接店铺。</translation>
    </message>
    <message>
        <source>orders in error</source>
        <translation>个订单出错</translation>
    </message>
    <message>
        <source>in error</source>
        <translation>出错</translation>
    </message>
    <message>
        <source>orders overdue (past their ship-by date)</source>
        <translation>个订单逾期（已过发货截止时间）</translation>
    </message>
    <message>
        <source>late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>orders due to ship today</source>
        <translation>个订单今天须发货</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>listings in error</source>
        <translation>个刊登出错</translation>
    </message>
    <message>
        <source>listings need you to pick a Walmart item</source>
        <translation>个刊登需要您选择 Walmart 商品</translation>
    </message>
    <message>
        <source>to pick</source>
        <translation>待选择</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>In Commerce</source>
        <translation>Commerce 中</translation>
    </message>
    <message>
        <source>Refunded on</source>
        <translation>退款时间</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>No returns yet. Returns buyers open on the marketplace appear here after the next sync.</source>
        <translation>还没有退货。买家在平台上发起的退货会在下次同步后显示在这里。</translation>
    </message>
    <message>
        <source>Refund on {marketplace}</source>
        <translation>在 {marketplace} 上退款</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <source>Select one return to refund it on its marketplace.</source>
        <translation>选择一个退货，在其所属平台上退款。</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Commerce</source>
        <translation>Commerce</translation>
    </message>
    <message>
        <source>Store view</source>
        <translation>店铺视图</translation>
    </message>
    <message>
        <source>Walmart API</source>
        <translation>Walmart API</translation>
    </message>
    <message>
        <source>Amazon account</source>
        <translation>Amazon 账户</translation>
    </message>
    <message>
        <source>Ship now</source>
        <translation>本次发货</translation>
    </message>
    <message>
        <source>Saved in the keyring — type to replace</source>
        <translation>已保存在密钥环中 — 输入即可替换</translation>
    </message>
    <message>
        <source>New marketplace orders</source>
        <translation>新的平台订单</translation>
    </message>
    <message>
        <source>Product changes in Commerce</source>
        <translation>Commerce 中的商品变更</translation>
    </message>
    <message>
        <source>Stock in Commerce</source>
        <translation>Commerce 中的库存</translation>
    </message>
    <message>
        <source>Price and stock changes to Walmart</source>
        <translation>向 Walmart 发送价格和库存变更</translation>
    </message>
    <message>
        <source>Full stock re-check on Walmart</source>
        <translation>Walmart 库存全面复核</translation>
    </message>
    <message>
        <source>Listings waiting for a match</source>
        <translation>等待匹配的刊登</translation>
    </message>
    <message>
        <source>Shipments made in Commerce</source>
        <translation>Commerce 中的发货</translation>
    </message>
    <message>
        <source>Walmart returns</source>
        <translation>Walmart 退货</translation>
    </message>
    <message>
        <source>Orders cancelled in Commerce</source>
        <translation>在 Commerce 中取消的订单</translation>
    </message>
    <message>
        <source>Listings report from Amazon</source>
        <translation>来自 Amazon 的商品报告</translation>
    </message>
    <message>
        <source>Price and stock changes to Amazon</source>
        <translation>发送到 Amazon 的价格和库存变更</translation>
    </message>
    <message>
        <source>Returns report from Amazon</source>
        <translation>Amazon 退货报告</translation>
    </message>
    <message>
        <source>Hold it until I choose Walmart&apos;s reason</source>
        <translation>暂缓，直到我选择 Walmart 的原因</translation>
    </message>
    <message>
        <source>The connection test failed: correct the details above, or test again.</source>
        <translation>连接测试失败：请修改上面的信息，或再次测试。</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>同步出现问题</translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation>同步已暂停</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>商品目录</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>价格和库存</translation>
    </message>
    <message>
        <source>Full stock</source>
        <translation>库存复核</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Sync process</source>
        <translation>同步进程</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>This entry could not be loaded</source>
        <translation>无法加载此条目</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Cancel requested</source>
        <translation>已申请取消</translation>
    </message>
    <message>
        <source>Item pick undone</source>
        <translation>已撤销商品选择</translation>
    </message>
    <message>
        <source>Item picked</source>
        <translation>已选择商品</translation>
    </message>
    <message>
        <source>Catalog import</source>
        <translation>目录导入</translation>
    </message>
    <message>
        <source>Catalog refresh</source>
        <translation>目录刷新</translation>
    </message>
    <message>
        <source>Commerce cancellation</source>
        <translation>Commerce 取消</translation>
    </message>
    <message>
        <source>Commerce shipment</source>
        <translation>Commerce 发货</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Credit memo seen</source>
        <translation>已发现贷项通知单</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>FBA shipment</source>
        <translation>FBA 发货</translation>
    </message>
    <message>
        <source>Feed submitted</source>
        <translation>已提交数据源</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Match candidates</source>
        <translation>匹配候选</translation>
    </message>
    <message>
        <source>Match error</source>
        <translation>匹配错误</translation>
    </message>
    <message>
        <source>Match not found</source>
        <translation>未找到匹配</translation>
    </message>
    <message>
        <source>Match requested</source>
        <translation>已请求匹配</translation>
    </message>
    <message>
        <source>Not created</source>
        <translation>未创建</translation>
    </message>
    <message>
        <source>Order placed</source>
        <translation>已下单</translation>
    </message>
    <message>
        <source>Price error</source>
        <translation>价格错误</translation>
    </message>
    <message>
        <source>Price sent</source>
        <translation>已发送价格</translation>
    </message>
    <message>
        <source>Refund requested</source>
        <translation>已申请退款</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Return imported</source>
        <translation>已导入退货</translation>
    </message>
    <message>
        <source>Return refunded</source>
        <translation>退货已退款</translation>
    </message>
    <message>
        <source>Ship requested</source>
        <translation>已申请发货</translation>
    </message>
    <message>
        <source>Stock error</source>
        <translation>库存错误</translation>
    </message>
    <message>
        <source>Stock sent</source>
        <translation>已发送库存</translation>
    </message>
    <message>
        <source>Total differs</source>
        <translation>总额不一致</translation>
    </message>
    <message>
        <source>Tracking link added</source>
        <translation>已添加跟踪链接</translation>
    </message>
    <message>
        <source>Walmart status</source>
        <translation>Walmart 状态</translation>
    </message>
    <message>
        <source>Walmart update</source>
        <translation>Walmart 更新</translation>
    </message>
    <message>
        <source>Amazon update</source>
        <translation>Amazon 更新</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>上次发送</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Item / ASIN</source>
        <translation>商品 / ASIN</translation>
    </message>
    <message>
        <source>This listing could not be loaded</source>
        <translation>无法加载此刊登</translation>
    </message>
    <message>
        <source>This order could not be loaded</source>
        <translation>无法加载此订单</translation>
    </message>
    <message>
        <source>Marketplace order</source>
        <translation>平台订单</translation>
    </message>
    <message>
        <source>Commerce order</source>
        <translation>Commerce 订单</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总额</translation>
    </message>
    <message>
        <source>This row could not be loaded</source>
        <translation>无法加载此行</translation>
    </message>
    <message>
        <source>Search becomes available once orders and listings have been synced.</source>
        <translation>订单和刊登同步后即可使用搜索。</translation>
    </message>
    <message>
        <source>Check both stores for changes right away</source>
        <translation>立即检查两边店铺的变更</translation>
    </message>
    <message>
        <source>Syncing is paused; start it again</source>
        <translation>同步已暂停；点击重新开始</translation>
    </message>
    <message>
        <source>Walmart total</source>
        <translation>Walmart 总额</translation>
    </message>
    <message>
        <source>Commerce total</source>
        <translation>Commerce 总额</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Commerce URL</source>
        <translation>Commerce 网址</translation>
    </message>
    <message>
        <source>Walmart URL</source>
        <translation>Walmart 网址</translation>
    </message>
    <message>
        <source>Commerce access token</source>
        <translation>Commerce 访问令牌</translation>
    </message>
    <message>
        <source>Walmart Client ID</source>
        <translation>Walmart Client ID</translation>
    </message>
    <message>
        <source>Walmart Client Secret</source>
        <translation>Walmart Client Secret</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”. Search looks in order numbers (Walmart, customer, Commerce), tracking numbers, SKUs, product names and identifiers.</source>
        <translation>未找到“{text}”。搜索范围包括订单号（Walmart、客户、Commerce）、运单号、SKU、商品名称和商品编码。</translation>
    </message>
    <message>
        <source>More than {limit} matches: type more of the number or name</source>
        <translation>超过 {limit} 个结果：请输入更完整的编号或名称</translation>
    </message>
    <message>
        <source>Add your Commerce store and Walmart seller account with “channelmanager-gui store add”, or try everything with demo data: “channelmanager-gui --demo”.</source>
        <translation>使用“channelmanager-gui store add”添加您的 Commerce 店铺和 Walmart 卖家账户，或用演示数据体验全部功能：“channelmanager-gui --demo”。</translation>
    </message>
    <message>
        <source>{title} view not available yet</source>
        <translation>“{title}”视图暂不可用</translation>
    </message>
    <message>
        <source>Syncing runs in the background and keeps this data up to date; this view arrives in a later version of Channel Manager.</source>
        <translation>同步在后台运行并保持这些数据为最新；此视图将在 Channel Manager 的后续版本中提供。</translation>
    </message>
    <message>
        <source>Nothing to report yet</source>
        <translation>暂无内容</translation>
    </message>
    <message>
        <source>After the first sync this shows orders to acknowledge, due today, overdue and in error, and listings active, unmatched and in error.</source>
        <translation>首次同步后，这里会显示待确认、今天到期、已逾期和出错的订单，以及在售、未匹配和出错的刊登。</translation>
    </message>
    <message>
        <source>No listings yet</source>
        <translation>暂无刊登</translation>
    </message>
    <message>
        <source>Your Walmart listings will appear here after the first catalog sync.</source>
        <translation>首次同步商品目录后，您的 Walmart 刊登会显示在这里。</translation>
    </message>
    <message>
        <source>Nothing to match yet</source>
        <translation>暂无待匹配的商品</translation>
    </message>
    <message>
        <source>Products from your Commerce catalog that still need a Walmart item will appear here after the first catalog sync.</source>
        <translation>首次同步商品目录后，仍需对应 Walmart 商品的 Commerce 商品会显示在这里。</translation>
    </message>
    <message>
        <source>No orders yet</source>
        <translation>暂无订单</translation>
    </message>
    <message>
        <source>Orders will appear here after the first sync.</source>
        <translation>首次同步后，订单会显示在这里。</translation>
    </message>
    <message>
        <source>No returns yet</source>
        <translation>暂无退货</translation>
    </message>
    <message>
        <source>Walmart returns will appear here after the first sync.</source>
        <translation>首次同步后，Walmart 退货会显示在这里。</translation>
    </message>
    <message>
        <source>No sync runs yet</source>
        <translation>暂无同步记录</translation>
    </message>
    <message>
        <source>Every sync run and its outcome will be listed here once syncing starts.</source>
        <translation>开始同步后，每次同步及其结果都会列在这里。</translation>
    </message>
    <message>
        <source>Store settings</source>
        <translation>店铺设置</translation>
    </message>
    <message>
        <source>Managing stores from this window is not available yet.</source>
        <translation>暂不支持在此窗口中管理店铺。</translation>
    </message>
    <message>
        <source>Walmart orders appear here after the next sync; click “Sync now” at the top to fetch them right away.</source>
        <translation>Walmart 订单会在下次同步后显示在这里；点击顶部的“立即同步”可马上获取。</translation>
    </message>
    <message>
        <source>No order is in error.</source>
        <translation>没有出错的订单。</translation>
    </message>
    <message>
        <source>No order is overdue.</source>
        <translation>没有逾期的订单。</translation>
    </message>
    <message>
        <source>Nothing else is due to ship today.</source>
        <translation>今天没有其他须发货的订单。</translation>
    </message>
    <message>
        <source>No buyer is waiting for a cancellation.</source>
        <translation>没有等待取消的买家。</translation>
    </message>
    <message>
        <source>No store is connected yet: Help › Get started… connects one (or Settings › Add store…), or tries the demo.</source>
        <translation>尚未连接店铺：通过“帮助 › 开始使用…”连接店铺（或“设置 › 添加店铺…”），也可以试用演示。</translation>
    </message>
    <message>
        <source>The demo could not be started: run “channelmanager-gui --demo” instead.</source>
        <translation>无法启动演示：请改为运行“channelmanager-gui --demo”。</translation>
    </message>
    <message>
        <source>Stores cannot connect: no safe password store (keyring) is available.</source>
        <translation>店铺无法连接：没有可用的安全密码存储（密钥环）。</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>listings</source>
        <translation>刊登</translation>
    </message>
</context>
<context>
    <name>LanguageSettings</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>ListingReason</name>
    <message>
        <source>On Amazon, not matched to a catalog product</source>
        <translation>在 Amazon 上，但未与目录中的商品匹配</translation>
    </message>
    <message>
        <source>Ended by the merchant; can be listed again as it was</source>
        <translation>已由商家结束；可以按原样重新上架</translation>
    </message>
    <message>
        <source>Excluded by listing rules</source>
        <translation>被上架规则排除</translation>
    </message>
    <message>
        <source>List in progress: sent to Amazon, not yet published</source>
        <translation>上架中：已发送到 Amazon，尚未发布</translation>
    </message>
    <message>
        <source>Complete and eligible; automatic listing is off</source>
        <translation>信息完整且符合条件；自动上架已关闭</translation>
    </message>
    <message>
        <source>Missing Condition</source>
        <translation>缺少商品状况</translation>
    </message>
    <message>
        <source>Missing required information: {attributes}</source>
        <translation>缺少必填信息：{attributes}</translation>
    </message>
    <message>
        <source>Missing required information: see Amazon&apos;s issues</source>
        <translation>缺少必填信息：请查看 Amazon 报告的问题</translation>
    </message>
    <message>
        <source>Buyable on Amazon</source>
        <translation>可在 Amazon 上购买</translation>
    </message>
    <message>
        <source>Active in Amazon&apos;s listings report</source>
        <translation>在 Amazon 商品报告中为在售</translation>
    </message>
    <message>
        <source>Amazon reports an unknown listing status ({status})</source>
        <translation>Amazon 报告了未知的商品状态（{status}）</translation>
    </message>
    <message>
        <source>Approval required to sell this (brand or category gating): {message}</source>
        <translation>需要审批才能销售（品牌或类目限制）：{message}</translation>
    </message>
    <message>
        <source>Suppressed by Amazon: {message}</source>
        <translation>已被 Amazon 屏蔽：{message}</translation>
    </message>
    <message>
        <source>Amazon reports a problem: {message}</source>
        <translation>Amazon 报告了问题：{message}</translation>
    </message>
    <message>
        <source>Not buyable on Amazon (often: quantity 0)</source>
        <translation>在 Amazon 上不可购买（常见原因：数量为 0）</translation>
    </message>
    <message>
        <source>Inactive on Amazon</source>
        <translation>在 Amazon 上未激活</translation>
    </message>
    <message>
        <source>Matched to an Amazon listing</source>
        <translation>已匹配到 Amazon 商品</translation>
    </message>
    <message>
        <source>Unable to Assign to Amazon Listing</source>
        <translation>无法分配到 Amazon 商品</translation>
    </message>
    <message>
        <source>Multiple Matches Found</source>
        <translation>找到多个匹配项</translation>
    </message>
    <message>
        <source>Has Variants</source>
        <translation>有变体</translation>
    </message>
    <message>
        <source>Being looked up in Amazon&apos;s catalog</source>
        <translation>正在 Amazon 目录中查找</translation>
    </message>
    <message>
        <source>Disabled in Commerce; quantity 0 is sent</source>
        <translation>在 Commerce 中已停用；发送的数量为 0</translation>
    </message>
    <message>
        <source>Out of stock: {qty} salable, at or below the out-of-stock threshold {threshold}; quantity 0 is sent</source>
        <translation>缺货：可售 {qty} 件，不高于缺货阈值 {threshold}；发送的数量为 0</translation>
    </message>
    <message>
        <source>quantity {qty} on the way to Amazon, not applied yet</source>
        <translation>数量 {qty} 正在发送到 Amazon，尚未生效</translation>
    </message>
    <message>
        <source>price {price} on the way to Amazon, not applied yet</source>
        <translation>价格 {price} 正在发送到 Amazon，尚未生效</translation>
    </message>
    <message>
        <source>quantity {qty} and price {price} on the way to Amazon, not applied yet</source>
        <translation>数量 {qty} 和价格 {price} 正在发送到 Amazon，尚未生效</translation>
    </message>
    <message>
        <source>{reason}; {waiting}</source>
        <translation>{reason}；{waiting}</translation>
    </message>
</context>
<context>
    <name>ListingRulesDialog</name>
    <message>
        <source>Listing rules</source>
        <translation>刊登规则</translation>
    </message>
    <message>
        <source>What this store&apos;s marketplaces are sent for its products, on Walmart and Amazon alike. Stock and prices are read from Commerce and changed by these rules before each push.</source>
        <translation>此店铺的商品发送到各销售平台（Walmart 和 Amazon 均适用）的内容。库存和价格从 Commerce 读取，每次推送前按这些规则调整。</translation>
    </message>
    <message>
        <source>Save listing rules</source>
        <translation>保存刊登规则</translation>
    </message>
    <message>
        <source>Rules of the account:</source>
        <translation>账户的规则：</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Units held back</source>
        <translation>预留数量</translation>
    </message>
    <message>
        <source>Subtracted from the Commerce salable quantity.</source>
        <translation>从 Commerce 可售数量中扣除。</translation>
    </message>
    <message>
        <source>Out-of-stock threshold</source>
        <translation>缺货阈值</translation>
    </message>
    <message>
        <source>At or below this quantity, 0 is listed.</source>
        <translation>库存小于或等于此数量时，刊登数量为 0。</translation>
    </message>
    <message>
        <source>Maximum listed quantity</source>
        <translation>最大刊登数量</translation>
    </message>
    <message>
        <source>No maximum</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Never more than this is listed, e.g. 1 for scarcity.</source>
        <translation>刊登数量绝不超过此值，例如设为 1 以营造稀缺感。</translation>
    </message>
    <message>
        <source>Price rules</source>
        <translation>价格规则</translation>
    </message>
    <message>
        <source>Applied to the Commerce price from priority 1 down (equal priorities from the top), each to the result of the one before, until a rule marked “Stop”; rounded to cents at the end. A result under $0.01 is not sent: the marketplace keeps the last price.</source>
        <translation>从优先级 1 开始依次应用于 Commerce 价格（优先级相同时按从上到下的顺序），每条规则作用于上一条的结果，直到遇到标记为“停止”的规则；最后四舍五入到分。结果低于 $0.01 时不发送：销售平台保留上一次的价格。</translation>
    </message>
    <message>
        <source>Example: a $</source>
        <translation>示例：价格为 $</translation>
    </message>
    <message>
        <source>Example price</source>
        <translation>示例价格</translation>
    </message>
    <message>
        <source>product with SKU</source>
        <translation>、SKU 为</translation>
    </message>
    <message>
        <source>Example SKU</source>
        <translation>示例 SKU</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>product: type a price to see what is listed.</source>
        <translation>的商品：输入价格即可查看刊登结果。</translation>
    </message>
    <message>
        <source>is not sent a price: the rules bring it under $0.01.</source>
        <translation>的商品不会发送价格：规则使其低于 $0.01。</translation>
    </message>
    <message>
        <source>is listed at ${price}</source>
        <translation>的商品刊登价格为 ${price}</translation>
    </message>
    <message>
        <source> (after {rules})</source>
        <translation>（应用 {rules} 后）</translation>
    </message>
</context>
<context>
    <name>ListingState</name>
    <message>
        <source>active</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>ready to list</source>
        <translation>可上架</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>未激活</translation>
    </message>
    <message>
        <source>pending match</source>
        <translation>等待匹配</translation>
    </message>
    <message>
        <source>unmatched</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>信息不完整</translation>
    </message>
    <message>
        <source>ineligible</source>
        <translation>不可售</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已下架</translation>
    </message>
    <message>
        <source>new third party</source>
        <translation>外部新建</translation>
    </message>
</context>
<context>
    <name>ListingsPage</name>
    <message>
        <source>Third party</source>
        <translation>第三方</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>In error</source>
        <translation>出错</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>可上架</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待匹配</translation>
    </message>
    <message>
        <source>Load listings</source>
        <translation>加载刊登</translation>
    </message>
    <message>
        <source>Listings</source>
        <translation>刊登</translation>
    </message>
    <message>
        <source>Add products…</source>
        <translation>添加商品…</translation>
    </message>
    <message>
        <source>Match on Walmart</source>
        <translation>在 Walmart 上匹配</translation>
    </message>
    <message>
        <source>Resend price and stock</source>
        <translation>重新发送价格和库存</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>Search SKU, name, UPC/EAN or item id</source>
        <translation>搜索 SKU、名称、UPC/EAN 或商品 ID</translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) sent for matching on Walmart.</source>
        <translation>
            <numerusform>已发送 %n 个刊登到 Walmart 进行匹配。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) will get price and stock sent again.</source>
        <translation>
            <numerusform>%n 个刊登将重新发送价格和库存。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop syncing %n listing(s)? Their queued updates are dropped. The Walmart items stay as they are: retire them in Seller Center to stop selling.</source>
        <translation>
            <numerusform>停止同步 %n 个刊登？排队中的更新将被丢弃。Walmart 上的商品保持不变：如需停止销售，请在 Seller Center 中下架。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n listing(s)</source>
        <translation>
            <numerusform>移除 %n 个刊登</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) removed.</source>
        <translation>
            <numerusform>已移除 %n 个刊登。</numerusform>
        </translation>
    </message>
    <message>
        <source>No listings match “{search}”. Search looks in SKU, name and identifiers.</source>
        <translation>没有与“{search}”匹配的刊登。搜索范围包括 SKU、名称和商品编码。</translation>
    </message>
    <message>
        <source>No listings yet — choose the Commerce products to sell on Walmart with “Add products…”.</source>
        <translation>暂无刊登 — 通过“添加商品…”选择要在 Walmart 上销售的 Commerce 商品。</translation>
    </message>
    <message>
        <source>No listings are {state} right now.</source>
        <translation>目前没有“{state}”的刊登。</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingsTable</name>
    <message>
        <source>No UPC, EAN, ISBN or GTIN in Commerce</source>
        <translation>Commerce 中没有 UPC、EAN、ISBN 或 GTIN</translation>
    </message>
    <message>
        <source>Out of stock in Commerce: Walmart shows it unavailable until stock returns</source>
        <translation>Commerce 中缺货：在补货前，Walmart 会显示为无货</translation>
    </message>
    <message>
        <source>Disabled in Commerce: enable the product there to sell it on Walmart</source>
        <translation>在 Commerce 中已停用：请在 Commerce 中启用该商品，才能在 Walmart 上销售</translation>
    </message>
    <message>
        <source>Several Walmart items match: pick one in Matching</source>
        <translation>匹配到多个 Walmart 商品：请在“匹配”中选择一个</translation>
    </message>
    <message>
        <source>Not on Walmart: the item needs a full setup in Seller Center</source>
        <translation>Walmart 上没有此商品：需要在 Seller Center 中完整创建</translation>
    </message>
    <message>
        <source>Sending {price} to {marketplace}</source>
        <translation>正在将 {price} 发送到 {marketplace}</translation>
    </message>
    <message>
        <source>Sending quantity {quantity} to {marketplace}</source>
        <translation>正在将数量 {quantity} 发送到 {marketplace}</translation>
    </message>
    <message>
        <source>Price sent {price_sent}; stock sent {stock_sent}</source>
        <translation>价格发送于 {price_sent}；库存发送于 {stock_sent}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
</context>
<context>
    <name>LocaleFormat</name>
    <message>
        <source>MMM d</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm:ss</source>
        <translation>yyyy-MM-dd HH:mm:ss</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <source>${amount}</source>
        <translation>${amount}</translation>
    </message>
    <message>
        <source>{amount} {currency}</source>
        <translation>{amount} {currency}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Channel Manager — demo data</source>
        <translation>Channel Manager — 演示数据</translation>
    </message>
    <message>
        <source>Channel Manager</source>
        <translation>Channel Manager</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Get started…</source>
        <translation>开始使用(&amp;G)…</translation>
    </message>
    <message>
        <source>Connect a store, or try the demo</source>
        <translation>连接店铺，或试用演示</translation>
    </message>
    <message>
        <source>&amp;About Channel Manager</source>
        <translation>关于 Channel Manager(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>About Channel Manager</source>
        <translation>关于 Channel Manager</translation>
    </message>
    <message>
        <source>Sell your Adobe Commerce / Magento catalog on Walmart Marketplace: listings, prices, stock, orders and returns kept in step from your desktop.</source>
        <translation>在 Walmart Marketplace 上销售您的 Adobe Commerce / Magento 商品：在桌面上同步刊登、价格、库存、订单和退货。</translation>
    </message>
</context>
<context>
    <name>MarketplaceFilter</name>
    <message>
        <source>Marketplace</source>
        <translation>销售平台</translation>
    </message>
    <message>
        <source>Marketplace: show one marketplace&apos;s rows, or both</source>
        <translation>销售平台：只显示一个平台的行，或两者都显示</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>All marketplaces</source>
        <translation>所有平台</translation>
    </message>
</context>
<context>
    <name>MatchPanel</name>
    <message>
        <source>no UPC, EAN, ISBN or GTIN in Commerce</source>
        <translation>Commerce 中没有 UPC、EAN、ISBN 或 GTIN</translation>
    </message>
    <message>
        <source>Missing: {missing}. Add a valid identifier to the product in Commerce (the attributes read are set in Settings › Edit store › Identifiers); the catalog sync picks it up and the listing can then be matched.</source>
        <translation>缺少：{missing}。请在 Commerce 中为商品添加有效的商品编码（读取哪些属性在“设置 › 编辑店铺 › 商品编码”中设定）；商品目录同步后即可匹配此刊登。</translation>
    </message>
    <message>
        <source>Walmart has {count} catalog items with GTIN {gtin}. Pick the one that is your product; it is set up by match on the next pass.</source>
        <translation>Walmart 有 {count} 个 GTIN 为 {gtin} 的商品。请选择与您的商品对应的那个；下次同步时将按匹配方式创建。</translation>
    </message>
    <message>
        <source>Waiting for Walmart: the next matching pass looks this identifier up.</source>
        <translation>等待 Walmart：下次匹配时会查询此商品编码。</translation>
    </message>
    <message>
        <source>No Walmart catalog item has this identifier</source>
        <translation>Walmart 商品目录中没有使用此编码的商品</translation>
    </message>
    <message>
        <source>{reason}. Fix the identifier in Commerce, or set the item up in Seller Center, then match again.</source>
        <translation>{reason}。请在 Commerce 中修正商品编码，或在 Seller Center 中创建该商品，然后重新匹配。</translation>
    </message>
    <message>
        <source>not published yet</source>
        <translation>尚未发布</translation>
    </message>
    <message>
        <source>Matched to Walmart item {item} ({published}).</source>
        <translation>已匹配到 Walmart 商品 {item}（{published}）。</translation>
    </message>
    <message>
        <source>Matched ({published}).</source>
        <translation>已匹配（{published}）。</translation>
    </message>
    <message>
        <source>Not sent for matching yet: use “Match on Walmart”.</source>
        <translation>尚未发送匹配：请使用“在 Walmart 上匹配”。</translation>
    </message>
    <message>
        <source>Select a listing to see what its match needs.</source>
        <translation>选择一个刊登，查看匹配还需要什么。</translation>
    </message>
    <message>
        <source>{sku} — {name}</source>
        <translation>{sku} — {name}</translation>
    </message>
    <message>
        <source>Your product (Commerce)</source>
        <translation>您的商品（Commerce）</translation>
    </message>
    <message>
        <source>Price {price}</source>
        <translation>价格 {price}</translation>
    </message>
    <message>
        <source>Untitled Walmart item</source>
        <translation>无标题的 Walmart 商品</translation>
    </message>
    <message>
        <source>Brand: {brand}</source>
        <translation>品牌：{brand}</translation>
    </message>
    <message>
        <source>Walmart item {item}</source>
        <translation>Walmart 商品 {item}</translation>
    </message>
    <message>
        <source>Walmart price {price}</source>
        <translation>Walmart 价格 {price}</translation>
    </message>
    <message>
        <source>Chosen — setting up</source>
        <translation>已选择 — 正在创建</translation>
    </message>
    <message>
        <source>Use this item</source>
        <translation>使用此商品</translation>
    </message>
</context>
<context>
    <name>MatchingPage</name>
    <message>
        <source>Matching</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>Load listings to match</source>
        <translation>加载待匹配的刊登</translation>
    </message>
    <message>
        <source>Match on Walmart</source>
        <translation>在 Walmart 上匹配</translation>
    </message>
    <message>
        <source>Search SKU, name or identifier</source>
        <translation>搜索 SKU、名称或商品编码</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Put the listing back among its candidates (Ctrl+Z)</source>
        <translation>将该刊登放回候选商品中 (Ctrl+Z)</translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) sent for matching on Walmart.</source>
        <translation>
            <numerusform>已发送 %n 个刊登到 Walmart 进行匹配。</numerusform>
        </translation>
    </message>
    <message>
        <source>Walmart item {item_id} chosen; it is set up by match next pass.</source>
        <translation>已选择 Walmart 商品 {item_id}；下次同步时将按匹配方式创建。</translation>
    </message>
    <message>
        <source>{sku}: Pick of Walmart item {item_id} undone and its setup request, not sent yet, was withdrawn: pick again among the candidates.</source>
        <translation>{sku}：已撤销对 Walmart 商品 {item_id} 的选择，尚未发送的创建请求也已撤回：请在候选商品中重新选择。</translation>
    </message>
    <message>
        <source>{sku}: Pick of Walmart item {item_id} undone: pick again among the candidates.</source>
        <translation>{sku}：已撤销对 Walmart 商品 {item_id} 的选择：请在候选商品中重新选择。</translation>
    </message>
    <message>
        <source>{sku} has no pick to undo.</source>
        <translation>{sku} 没有可撤销的选择。</translation>
    </message>
    <message>
        <source>Walmart item {item_id} was already sent to Walmart for {sku} (or its sending has begun), so the pick cannot be undone here. Walmart sets the item up by match; if it is the wrong item, retire it in Seller Center, then match the listing again.</source>
        <translation>{sku} 的 Walmart 商品 {item_id} 已发送给 Walmart（或已开始发送），因此无法在此撤销选择。Walmart 会按匹配方式创建该商品；如果商品选错了，请在 Seller Center 中将其下架，然后重新匹配该刊登。</translation>
    </message>
</context>
<context>
    <name>NoteLine</name>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>编辑备注…</translation>
    </message>
    <message>
        <source>Note on this order</source>
        <translation>此订单的备注</translation>
    </message>
</context>
<context>
    <name>NoticeWords</name>
    <message>
        <source>{title} for {store}</source>
        <translation>{title}（{store}）</translation>
    </message>
    <message numerus="yes">
        <source>Open Orders to see them.</source>
        <translation>
            <numerusform>打开“订单”查看。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync problem: {loop}</source>
        <translation>同步问题：{loop}</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) cancelled in Commerce</source>
        <translation>
            <numerusform>%n 个订单已在 Commerce 中取消</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the marketplace&apos;s reason: open Orders, In error.</source>
        <translation>请选择平台的取消原因：打开“订单”中的“出错”。</translation>
    </message>
    <message>
        <source>A partly shipped order cannot be cancelled on the marketplace from here; nothing was sent. Open Orders, In error.</source>
        <translation>部分发货的订单无法在此于平台上取消；未发送任何内容。请打开“订单”中的“出错”。</translation>
    </message>
    <message numerus="yes">
        <source>%n partly shipped order(s) cancelled in Commerce</source>
        <translation>
            <numerusform>%n 个部分发货的订单已在 Commerce 中取消</numerusform>
        </translation>
    </message>
    <message>
        <source>{title} ({store})</source>
        <translation>{title}（{store}）</translation>
    </message>
    <message numerus="yes">
        <source>%n new order(s)</source>
        <translation>
            <numerusform>%n 个新订单</numerusform>
        </translation>
    </message>
    <message>
        <source>{title} ({marketplaces})</source>
        <translation>{title}（{marketplaces}）</translation>
    </message>
    <message numerus="yes">
        <source>%n new {marketplace} order(s)</source>
        <translation>
            <numerusform>%n 个新的 {marketplace} 订单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <source>Select one order.</source>
        <translation>请选择一个订单。</translation>
    </message>
    <message>
        <source>Ship and cancel one order at a time.</source>
        <translation>发货和取消一次只能处理一个订单。</translation>
    </message>
    <message>
        <source>Ship order {order}</source>
        <translation>发货订单 {order}</translation>
    </message>
    <message numerus="yes">
        <source>Shipment of %n item(s) of order {order} queued for {marketplace} and Commerce.</source>
        <translation>
            <numerusform>订单 {order} 的 %n 件商品发货已排队，将发送到 {marketplace} 和 Commerce。</numerusform>
        </translation>
    </message>
    <message>
        <source>Order {order} cancelled ({reason}); {marketplace} is being told.</source>
        <translation>订单 {order} 已取消（{reason}）；正在通知 {marketplace}。</translation>
    </message>
    <message>
        <source>Order {order} cancelled ({reason}); {marketplace} and Commerce are being told.</source>
        <translation>订单 {order} 已取消（{reason}）；正在通知 {marketplace} 和 Commerce。</translation>
    </message>
    <message>
        <source>Cancel order {order}</source>
        <translation>取消订单 {order}</translation>
    </message>
    <message numerus="yes">
        <source>Retry %n order(s)</source>
        <translation>
            <numerusform>重试 %n 个订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n order(s).</source>
        <translation>
            <numerusform>正在重试 %n 个订单。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <source>at the {step} step</source>
        <translation>在“{step}”步骤</translation>
    </message>
    <message>
        <source>(reference to quote if you ask for support: {reference})</source>
        <translation>（联系支持时请提供此参考号：{reference}）</translation>
    </message>
    <message>
        <source>(reference to quote to Walmart support: {reference})</source>
        <translation>（联系 Walmart 支持时请提供此参考号：{reference}）</translation>
    </message>
    <message>
        <source> — &lt;a href=&quot;{url}&quot;&gt;open it in the Commerce admin&lt;/a&gt;</source>
        <translation> — &lt;a href=&quot;{url}&quot;&gt;在 Commerce 后台打开&lt;/a&gt;</translation>
    </message>
    <message>
        <source> — find it by SKU in the Commerce admin (Catalog &gt; Products)</source>
        <translation> — 在 Commerce 后台按 SKU 查找（目录 &gt; 产品）</translation>
    </message>
    <message>
        <source>&lt;br&gt;Retry fails again until this is fixed in Commerce:</source>
        <translation>&lt;br&gt;在 Commerce 中解决以下问题之前，重试仍会失败：</translation>
    </message>
    <message>
        <source>&lt;br&gt;Fix it there and click Retry, or cancel the order on Walmart as “Out of stock”.</source>
        <translation>&lt;br&gt;请在 Commerce 中解决后点击“重试”，或以“缺货”为原因在 Walmart 上取消订单。</translation>
    </message>
</context>
<context>
    <name>OrderDetailParts</name>
    <message>
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
</context>
<context>
    <name>OrderDetailView</name>
    <message>
        <source>Nothing has shipped yet.</source>
        <translation>尚未发货。</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>订单明细</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Timeline (newest first)</source>
        <translation>时间线（最新在前）</translation>
    </message>
    <message>
        <source>← All orders</source>
        <translation>← 全部订单</translation>
    </message>
    <message>
        <source>Back to all orders (Esc, Alt+Left)</source>
        <translation>返回全部订单（Esc、Alt+左箭头）</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Ship…</source>
        <translation>发货…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>取消订单…</translation>
    </message>
    <message>
        <source>Cancel as out of stock…</source>
        <translation>以缺货为由取消…</translation>
    </message>
    <message>
        <source>Choose reason for {marketplace}…</source>
        <translation>为 {marketplace} 选择原因…</translation>
    </message>
    <message>
        <source>Send the cancellation made in Commerce to {marketplace} with a reason.</source>
        <translation>将在 Commerce 中进行的取消连同原因发送给 {marketplace}。</translation>
    </message>
    <message>
        <source>Cancel the whole order on {marketplace}.</source>
        <translation>在 {marketplace} 上取消整个订单。</translation>
    </message>
    <message>
        <source>Cancel the whole order on {marketplace} with the reason “Out of stock”.</source>
        <translation>以“缺货”为原因在 {marketplace} 上取消整个订单。</translation>
    </message>
    <message>
        <source>Sent to {marketplace}</source>
        <translation>已发送至 {marketplace}</translation>
    </message>
    <message>
        <source>Walmart PO {po}</source>
        <translation>Walmart 采购订单 {po}</translation>
    </message>
    <message>
        <source>{marketplace} order {po}</source>
        <translation>{marketplace} 订单 {po}</translation>
    </message>
    <message>
        <source>  ·  Commerce order {order}</source>
        <translation>  ·  Commerce 订单 {order}</translation>
    </message>
    <message>
        <source>Enter the tracking number and ship.</source>
        <translation>填写运单号并发货。</translation>
    </message>
    <message>
        <source>Retry fails again until the product is fixed in Commerce.</source>
        <translation>在 Commerce 中修正商品之前，重试仍会失败。</translation>
    </message>
    <message>
        <source>Send the failed step again.</source>
        <translation>重新执行失败的步骤。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Error {step}:&lt;/b&gt;</source>
        <translation>&lt;b&gt;{step}出错：&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Error:&lt;/b&gt;</source>
        <translation>&lt;b&gt;错误：&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The buyer asked {marketplace} to cancel this order.&lt;/b&gt; Cancel it with the reason “Buyer asked to cancel”, or ship it anyway if it has already left.</source>
        <translation>&lt;b&gt;买家已要求 {marketplace} 取消此订单。&lt;/b&gt;请以“买家要求取消”为原因取消订单；如果货物已发出，也可以照常发货。</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>尚未</translation>
    </message>
</context>
<context>
    <name>OrderFilterBar</name>
    <message>
        <source>Search marketplace order, customer order, Commerce order, customer or tracking number</source>
        <translation>搜索平台订单、客户订单、Commerce 订单、客户或运单号</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Any status ({count})</source>
        <translation>任意状态（{count}）</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Created in Commerce</source>
        <translation>Commerce 已创建</translation>
    </message>
    <message>
        <source>Partially shipped</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Return requested</source>
        <translation>已申请退货</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>OrderTools</name>
    <message numerus="yes">
        <source>%n order(s) shipped; queued for Walmart and Commerce.</source>
        <translation>
            <numerusform>已发货 %n 个订单；已排队发送到 Walmart 和 Commerce。</numerusform>
        </translation>
    </message>
    <message>
        <source> Not shipped — {refused}</source>
        <translation> 未发货 — {refused}</translation>
    </message>
    <message>
        <source>Ship several orders</source>
        <translation>批量发货</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Packing slip…</source>
        <translation>装箱单…</translation>
    </message>
</context>
<context>
    <name>OrdersChart</name>
    <message>
        <source>{title} — no orders yet</source>
        <translation>{title} — 暂无订单</translation>
    </message>
</context>
<context>
    <name>OrdersEmptyState</name>
    <message>
        <source>Show all orders</source>
        <translation>显示全部订单</translation>
    </message>
    <message>
        <source>No orders yet</source>
        <translation>暂无订单</translation>
    </message>
    <message>
        <source>Nothing needs you here right now.</source>
        <translation>目前这里没有需要您处理的事项。</translation>
    </message>
    <message>
        <source>No orders match these filters</source>
        <translation>没有符合筛选条件的订单</translation>
    </message>
    <message>
        <source>Search looks in both order numbers, the customer order and the customer.</source>
        <translation>搜索范围包括两个订单号、客户订单号和客户。</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Load orders</source>
        <translation>加载订单</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Ship…</source>
        <translation>发货…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>取消订单…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Copy order numbers</source>
        <translation>复制订单号</translation>
    </message>
    <message>
        <source>Packing slip…</source>
        <translation>装箱单…</translation>
    </message>
    <message>
        <source>Ship several…</source>
        <translation>批量发货…</translation>
    </message>
    <message>
        <source>Select one order to open.</source>
        <translation>请选择一个订单以打开。</translation>
    </message>
    <message>
        <source>Retry is for orders in error.</source>
        <translation>“重试”仅适用于出错的订单。</translation>
    </message>
    <message>
        <source>Select orders to copy their numbers.</source>
        <translation>请选择要复制订单号的订单。</translation>
    </message>
    <message>
        <source>Select orders to print their packing slips.</source>
        <translation>请选择要打印装箱单的订单。</translation>
    </message>
    <message numerus="yes">
        <source>Retry %n order(s)</source>
        <translation>
            <numerusform>重试 %n 个订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersTable</name>
    <message>
        <source>Overdue · {date}</source>
        <translation>已逾期 · {date}</translation>
    </message>
    <message>
        <source>Today {time}</source>
        <translation>今天 {time}</translation>
    </message>
    <message>
        <source>Buyer asked to cancel</source>
        <translation>买家要求取消</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Error: {error} — open the order to retry.</source>
        <translation>错误：{error} — 打开订单以重试。</translation>
    </message>
    <message>
        <source>The buyer asked {marketplace} to cancel: cancel the order, or ship it anyway.</source>
        <translation>买家已要求 {marketplace} 取消：请取消订单，或照常发货。</translation>
    </message>
    <message>
        <source>The ship-by date has passed; Walmart cancels late orders by itself.</source>
        <translation>已过发货截止时间；Walmart 会自动取消逾期订单。</translation>
    </message>
    <message>
        <source>The ship-by date has passed.</source>
        <translation>已过最晚发货日期。</translation>
    </message>
    <message>
        <source>Must ship today.</source>
        <translation>今天必须发货。</translation>
    </message>
</context>
<context>
    <name>PackingSlipDialog</name>
    <message>
        <source>Packing slip — order {po}</source>
        <translation>装箱单 — 订单 {po}</translation>
    </message>
    <message numerus="yes">
        <source>Packing slips — %n orders</source>
        <translation>
            <numerusform>装箱单 — %n 个订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slip(s), one page per order.</source>
        <translation>
            <numerusform>%n 张装箱单，每个订单一页。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save packing slips</source>
        <translation>保存装箱单</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PageWiring</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Products imported: {summary}</source>
        <translation>商品已导入：{summary}</translation>
    </message>
</context>
<context>
    <name>PriceRulesTable</name>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <source>SKUs or pattern</source>
        <translation>SKU 或匹配模式</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Stop further</source>
        <translation>停止后续</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>所有商品</translation>
    </message>
    <message>
        <source>These SKUs</source>
        <translation>指定 SKU</translation>
    </message>
    <message>
        <source>SKUs matching</source>
        <translation>SKU 匹配模式</translation>
    </message>
    <message>
        <source>“SKUs matching” takes a pattern: * any characters, ? one.</source>
        <translation>“SKU 匹配模式”使用通配符：* 表示任意多个字符，? 表示一个字符。</translation>
    </message>
    <message>
        <source>Increase by %</source>
        <translation>提高 %</translation>
    </message>
    <message>
        <source>Decrease by %</source>
        <translation>降低 %</translation>
    </message>
    <message>
        <source>Increase by an amount</source>
        <translation>提高固定金额</translation>
    </message>
    <message>
        <source>Decrease by an amount</source>
        <translation>降低固定金额</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Rule {number}</source>
        <translation>规则 {number}</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>Credit memo #{id}</source>
        <translation>贷项凭证 #{id}</translation>
    </message>
    <message>
        <source>RMA #{id}</source>
        <translation>RMA #{id}</translation>
    </message>
    <message>
        <source>Awaiting a credit memo</source>
        <translation>等待贷项凭证</translation>
    </message>
    <message>
        <source>Load returns</source>
        <translation>加载退货</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message numerus="yes">
        <source>Refund {marketplace} return {return_id} (customer order {customer_order}, %n unit(s), {amount}) on {marketplace} now, without waiting for a credit memo in Commerce?

{marketplace} refunds the buyer; if the order was invoiced in Commerce, a credit memo is made there too.</source>
        <translation>
            <numerusform>现在就在 {marketplace} 上为 {marketplace} 退货 {return_id}（客户订单 {customer_order}，%n 件，{amount}）退款，而不等待 Commerce 中的贷项凭证吗？

{marketplace} 会向买家退款；如果订单已在 Commerce 中开具发票，也会在那里创建贷项凭证。</numerusform>
        </translation>
    </message>
    <message>
        <source>Refund {marketplace} return {return_id}</source>
        <translation>为 {marketplace} 退货 {return_id} 退款</translation>
    </message>
    <message numerus="yes">
        <source>Refund of {marketplace} return {return_id} queued (%n unit(s), order {order}).</source>
        <translation>
            <numerusform>{marketplace} 退货 {return_id} 的退款已排队（%n 件，订单 {order}）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Refund {marketplace} return {return_id} on {marketplace} now.</source>
        <translation>现在在 {marketplace} 上为 {marketplace} 退货 {return_id} 退款。</translation>
    </message>
</context>
<context>
    <name>RulesSummary</name>
    <message>
        <source>the Commerce salable quantity</source>
        <translation>Commerce 可售数量</translation>
    </message>
    <message>
        <source>, less {units} held back</source>
        <translation>，减去预留的 {units} 件</translation>
    </message>
    <message>
        <source>; 0 at or below {units}</source>
        <translation>；小于或等于 {units} 时为 0</translation>
    </message>
    <message>
        <source>; at most {units}</source>
        <translation>；最多 {units} 件</translation>
    </message>
    <message>
        <source>the Commerce price</source>
        <translation>Commerce 价格</translation>
    </message>
    <message>
        <source> through the price rules {names}</source>
        <translation>，经价格规则 {names} 调整</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Listed stock:&lt;/b&gt; {stock}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Listed price:&lt;/b&gt; {price}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;刊登库存：&lt;/b&gt;{stock}。&lt;/p&gt;&lt;p&gt;&lt;b&gt;刊登价格：&lt;/b&gt;{price}。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Each store links a Commerce store view to a Walmart seller account and, if you add one, an Amazon seller account (Amazon account…). Sync intervals and identifier attributes are set per store (Edit), the stock and prices sent to marketplaces under Listing rules. Secrets stay in the system keyring.</source>
        <translation>每个店铺将一个 Commerce 店铺视图与一个 Walmart 卖家账户关联，如果您添加了，还会关联一个 Amazon 卖家账户（Amazon 账户…）。同步间隔和商品编码属性按店铺设置（编辑），发送到销售平台的库存和价格在“刊登规则”中设置。密钥保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>Add store…</source>
        <translation>添加店铺…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Listing rules…</source>
        <translation>刊登规则…</translation>
    </message>
    <message>
        <source>Stock and price rules of the selected store</source>
        <translation>所选店铺的库存和价格规则</translation>
    </message>
    <message>
        <source>Amazon account…</source>
        <translation>Amazon 账户…</translation>
    </message>
    <message>
        <source>Add, edit and test the store&apos;s Amazon account</source>
        <translation>添加、编辑和测试此店铺的 Amazon 账户</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Sync and rules of the selected store</source>
        <translation>所选店铺的同步和规则</translation>
    </message>
    <message>
        <source>{name} (demo)</source>
        <translation>{name}（演示）</translation>
    </message>
    <message>
        <source>No store yet: add your Commerce store and Walmart account.</source>
        <translation>尚无店铺：请添加您的 Commerce 店铺和 Walmart 账户。</translation>
    </message>
    <message>
        <source>Store added. Syncing picks up the change.</source>
        <translation>店铺已添加。同步将应用此更改。</translation>
    </message>
    <message>
        <source>Store saved. Syncing picks up the change.</source>
        <translation>店铺已保存。同步将应用此更改。</translation>
    </message>
    <message>
        <source>listing rules saved</source>
        <translation>刊登规则已保存</translation>
    </message>
    <message>
        <source>Amazon account saved</source>
        <translation>Amazon 账户已保存</translation>
    </message>
    <message>
        <source>Remove “{name}”? Its listings, orders and history are deleted from this computer and its secrets from the keyring. Nothing changes in Commerce or on Walmart.</source>
        <translation>移除“{name}”？其刊登、订单和历史记录将从本机删除，密钥将从密钥环中删除。Commerce 和 Walmart 中的内容不会改变。</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>移除 {name}</translation>
    </message>
    <message>
        <source>Store removed. Syncing picks up the change.</source>
        <translation>店铺已移除。同步将应用此更改。</translation>
    </message>
</context>
<context>
    <name>SettingsSummary</name>
    <message>
        <source>{check} every {interval}</source>
        <translation>{check}：每 {interval}</translation>
    </message>
    <message>
        <source>cancelled on Walmart as “{reason}”</source>
        <translation>在 Walmart 上以“{reason}”取消</translation>
    </message>
    <message>
        <source>held until you choose Walmart&apos;s reason</source>
        <translation>暂缓，直到您选择 Walmart 的原因</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Order cancelled in Commerce:&lt;/b&gt; {cancel}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Identifiers read from:&lt;/b&gt; {attributes}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Shipments:&lt;/b&gt; from the Commerce source “{source}”, which Commerce takes the stock from.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Checks:&lt;/b&gt; {checks}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Commerce order e-mail:&lt;/b&gt; {email} (Commerce&apos;s order, invoice and shipment e-mails go there, never to the marketplace&apos;s buyer).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;在 Commerce 中取消的订单：&lt;/b&gt;{cancel}。&lt;/p&gt;&lt;p&gt;&lt;b&gt;商品编码读取自：&lt;/b&gt;{attributes}。&lt;/p&gt;&lt;p&gt;&lt;b&gt;发货：&lt;/b&gt;来自 Commerce 货源“{source}”，Commerce 从该货源扣减库存。&lt;/p&gt;&lt;p&gt;&lt;b&gt;检查频率：&lt;/b&gt;{checks}。&lt;/p&gt;&lt;p&gt;&lt;b&gt;Commerce 订单邮箱：&lt;/b&gt;{email}（Commerce 的订单、发票和发货邮件发往此地址，绝不会发给平台上的买家）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Ship order {order}</source>
        <translation>发货订单 {order}</translation>
    </message>
    <message>
        <source> · Commerce order {order}</source>
        <translation> · Commerce 订单 {order}</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message numerus="yes">
        <source>{customer} · %n item(s) left to ship</source>
        <translation>
            <numerusform>{customer} · 还有 %n 件待发货</numerusform>
        </translation>
    </message>
    <message>
        <source> · ship by {date}</source>
        <translation> · 发货截止 {date}</translation>
    </message>
    <message>
        <source>Ship part of it now and the rest later if you need to.</source>
        <translation>如有需要，可以先发一部分，其余稍后再发。</translation>
    </message>
    <message>
        <source>Choose a carrier…</source>
        <translation>选择承运商…</translation>
    </message>
    <message>
        <source>Other (type its name)</source>
        <translation>其他（输入名称）</translation>
    </message>
    <message>
        <source>Carrier name as on the label</source>
        <translation>面单上的承运商名称</translation>
    </message>
    <message>
        <source>As printed on the label</source>
        <translation>与面单上打印的一致</translation>
    </message>
    <message>
        <source>https://… (optional)</source>
        <translation>https://…（可选）</translation>
    </message>
    <message>
        <source>https://… (optional; needed for an unlisted carrier)</source>
        <translation>https://…（可选；未列出的承运商必填）</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Carrier name</source>
        <translation>承运商名称</translation>
    </message>
    <message>
        <source>Shipping method</source>
        <translation>配送方式</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Tracking link</source>
        <translation>跟踪链接</translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <source>Items in this shipment</source>
        <translation>本次发货的商品</translation>
    </message>
    <message>
        <source>Quantity of {sku} to ship now</source>
        <translation>{sku} 本次发货数量</translation>
    </message>
    <message numerus="yes">
        <source>Ship %n item(s)</source>
        <translation>
            <numerusform>发货 %n 件商品</numerusform>
        </translation>
    </message>
    <message>
        <source>{date} — passed</source>
        <translation>{date} — 已过</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>今天 {time}</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>Ship anyway — the buyer asked {marketplace} to cancel this order</source>
        <translation>仍然发货 — 买家已要求 {marketplace} 取消此订单</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ship {marketplace} order {po}&lt;/b&gt;</source>
        <translation>&lt;b&gt;发货 {marketplace} 订单 {po}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Don&apos;t ship</source>
        <translation>不发货</translation>
    </message>
    <message>
        <source>Other (name it)</source>
        <translation>其他（填写名称）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Everywhere</source>
        <translation>任意位置</translation>
    </message>
    <message>
        <source>{menu} menu</source>
        <translation>“{menu}”菜单</translation>
    </message>
    <message>
        <source>{page} page</source>
        <translation>“{page}”页面</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No sync has run yet</source>
        <translation>尚未运行过同步</translation>
    </message>
    <message>
        <source>Last sync: {loops}</source>
        <translation>上次同步：{loops}</translation>
    </message>
</context>
<context>
    <name>StatusPill</name>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Sync and rules</source>
        <translation>同步和规则</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Save store</source>
        <translation>保存店铺</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <source>e.g. Main shop</source>
        <translation>例如：主店</translation>
    </message>
    <message>
        <source>Commerce URL</source>
        <translation>Commerce 网址</translation>
    </message>
    <message>
        <source>Store view code</source>
        <translation>店铺视图代码</translation>
    </message>
    <message>
        <source>Walmart API URL</source>
        <translation>Walmart API 网址</translation>
    </message>
    <message>
        <source>The access token comes from Commerce Admin &gt; System &gt; Extensions &gt; Integrations; the Client ID and Secret from Walmart Seller Center &gt; Settings &gt; API Key Management. Secrets are kept in the system keyring, never in the database.</source>
        <translation>访问令牌来自 Commerce 后台 &gt; 系统 &gt; 扩展 &gt; 集成；Client ID 和 Secret 来自 Walmart Seller Center &gt; Settings &gt; API Key Management。密钥保存在系统密钥环中，绝不会存入数据库。</translation>
    </message>
    <message>
        <source>Ship from source</source>
        <translation>发货货源</translation>
    </message>
    <message>
        <source>The Commerce inventory source (Stores &gt; Inventory &gt; Sources) that shipments made here name, so Commerce takes the stock from where you ship. Single-source shops: default.</source>
        <translation>在此创建的发货所使用的 Commerce 库存来源（商店 &gt; 库存 &gt; 来源），这样 Commerce 会从实际发货地扣减库存。单一货源的店铺：default。</translation>
    </message>
    <message>
        <source>Cancel on Walmart as “{label}”</source>
        <translation>在 Walmart 上以“{label}”取消</translation>
    </message>
    <message>
        <source>Order cancelled in Commerce</source>
        <translation>在 Commerce 中取消的订单</translation>
    </message>
    <message>
        <source>Edit store</source>
        <translation>编辑店铺</translation>
    </message>
    <message>
        <source>Add a store</source>
        <translation>添加店铺</translation>
    </message>
    <message>
        <source>Settings &gt; Listing rules… (held back, threshold, price rules)</source>
        <translation>设置 &gt; 刊登规则…（预留数量、阈值、价格规则）</translation>
    </message>
    <message>
        <source>Stock and price sent</source>
        <translation>发送的库存和价格</translation>
    </message>
    <message>
        <source>Commerce order e-mail</source>
        <translation>Commerce 订单邮箱</translation>
    </message>
    <message>
        <source>The e-mail of every Commerce order made for a Walmart order. Commerce sends its order, invoice and shipment e-mails there; Walmart forbids writing to its buyers, so it is never the buyer&apos;s address. Empty: an address that reaches nobody.</source>
        <translation>为 Walmart 订单创建的每个 Commerce 订单所用的邮箱。Commerce 会把订单、发票和发货邮件发到这里；Walmart 禁止直接联系其买家，因此绝不会使用买家的地址。留空：使用一个不会送达任何人的地址。</translation>
    </message>
    <message>
        <source>every </source>
        <translation>每 </translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Testing Commerce and Walmart…</source>
        <translation>正在测试 Commerce 和 Walmart…</translation>
    </message>
</context>
<context>
    <name>SyncCounts</name>
    <message numerus="yes">
        <source>%n open error(s)</source>
        <translation>
            <numerusform>%n 个未解决的错误</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncText</name>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>%n min ago</source>
        <translation>%n 分钟前</translation>
    </message>
    <message>
        <source>%n h ago</source>
        <translation>%n 小时前</translation>
    </message>
    <message>
        <source>MMM d</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>{state} · last sync {when}</source>
        <translation>{state} · 上次同步 {when}</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>上次同步：{when}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未</translation>
    </message>
    <message>
        <source>Last sync: {done} of {total} loops have run</source>
        <translation>上次同步：{total} 个同步任务中已运行 {done} 个</translation>
    </message>
    <message>
        <source>Last sync: {total} loops, the oldest {when}</source>
        <translation>上次同步：{total} 个同步任务，最早一次 {when}</translation>
    </message>
</context>
<context>
    <name>Thumbnail</name>
    <message>
        <source>Product image</source>
        <translation>商品图片</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Find an order, SKU or tracking number</source>
        <translation>查找订单、SKU 或运单号</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Resume sync</source>
        <translation>恢复同步</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Open Channel Manager</source>
        <translation>打开 Channel Manager</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Pause sync</source>
        <translation>暂停同步</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Resume sync</source>
        <translation>恢复同步</translation>
    </message>
</context>
</TS>
