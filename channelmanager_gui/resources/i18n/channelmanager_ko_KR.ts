<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ActivityPage</name>
    <message>
        <source>nothing to do</source>
        <translation>할 일 없음</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>일시 중지됨</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>곧 실행</translation>
    </message>
    <message>
        <source>in %n s</source>
        <translation>%n초 후</translation>
    </message>
    <message>
        <source>in %n min</source>
        <translation>%n분 후</translation>
    </message>
    <message>
        <source>Load the activity log</source>
        <translation>활동 로그 불러오기</translation>
    </message>
    <message>
        <source>Sync activity</source>
        <translation>동기화 활동</translation>
    </message>
    <message>
        <source>Pause syncing</source>
        <translation>동기화 일시 중지</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>지금 동기화</translation>
    </message>
    <message>
        <source>Double-click a loop to run it now</source>
        <translation>동기화 작업을 더블클릭하면 바로 실행됩니다</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>활동 로그</translation>
    </message>
    <message>
        <source>Search messages, SKU or purchase order</source>
        <translation>메시지, SKU 또는 구매 주문 번호 검색</translation>
    </message>
    <message>
        <source>Resume syncing</source>
        <translation>동기화 재개</translation>
    </message>
    <message>
        <source>No sync has run yet — connect a store in Settings.</source>
        <translation>아직 동기화가 실행되지 않았습니다 — 설정에서 스토어를 연결하세요.</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>아직 없음</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>대기 중</translation>
    </message>
</context>
<context>
    <name>AddProductsDialog</name>
    <message>
        <source>Add products from {name}</source>
        <translation>{name}에서 상품 추가</translation>
    </message>
    <message>
        <source>Search the Commerce catalog by name or SKU</source>
        <translation>이름 또는 SKU로 Commerce 카탈로그 검색</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>Search for products, tick the ones to sell on Walmart, then import.</source>
        <translation>상품을 검색하고 Walmart에서 판매할 상품을 선택한 뒤 가져오세요.</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>가져오기 취소</translation>
    </message>
    <message>
        <source>Import all matching</source>
        <translation>검색된 상품 모두 가져오기</translation>
    </message>
    <message>
        <source>Every product the search finds, also beyond the rows shown</source>
        <translation>검색된 모든 상품(목록에 보이지 않는 상품 포함)</translation>
    </message>
    <message>
        <source>Import whole catalog</source>
        <translation>전체 카탈로그 가져오기</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Searching Commerce for “{text}”…</source>
        <translation>Commerce에서 “{text}” 검색 중…</translation>
    </message>
    <message>
        <source>Search the Commerce catalog</source>
        <translation>Commerce 카탈로그 검색</translation>
    </message>
    <message>
        <source>Nothing in the Commerce catalog matches “{search}”.</source>
        <translation>Commerce 카탈로그에 “{search}”와(과) 일치하는 상품이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) found (first {limit} shown).</source>
        <translation>
            <numerusform>상품 %n개를 찾았습니다(처음 {limit}개 표시).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) found.</source>
        <translation>
            <numerusform>상품 %n개를 찾았습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already listed</source>
        <translation>이미 등록됨</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>활성</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>비활성</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>상품 가져오기</translation>
    </message>
    <message>
        <source>Stopping after the current page…</source>
        <translation>현재 페이지를 마친 후 중지합니다…</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>{done} read</source>
        <translation>{done}개 읽음</translation>
    </message>
    <message>
        <source>Import finished: {summary}.</source>
        <translation>가져오기 완료: {summary}.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n product(s)</source>
        <translation>
            <numerusform>상품 %n개 가져오기</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AmazonAccountDialog</name>
    <message>
        <source>Amazon.com (US)</source>
        <translation>Amazon.com (미국)</translation>
    </message>
    <message>
        <source>Amazon.ca (Canada)</source>
        <translation>Amazon.ca (캐나다)</translation>
    </message>
    <message>
        <source>Amazon.com.mx (Mexico)</source>
        <translation>Amazon.com.mx (멕시코)</translation>
    </message>
    <message>
        <source>LWA client ID</source>
        <translation>LWA 클라이언트 ID</translation>
    </message>
    <message>
        <source>LWA client secret</source>
        <translation>LWA 클라이언트 시크릿</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>갱신 토큰</translation>
    </message>
    <message>
        <source>Edit Amazon account</source>
        <translation>Amazon 계정 편집</translation>
    </message>
    <message>
        <source>Add an Amazon account</source>
        <translation>Amazon 계정 추가</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>계정 이름</translation>
    </message>
    <message>
        <source>Seller ID</source>
        <translation>판매자 ID</translation>
    </message>
    <message>
        <source>Seller Central: Settings › Account Info › Merchant Token</source>
        <translation>Seller Central: 설정 › 계정 정보 › 판매자 토큰(Merchant Token)</translation>
    </message>
    <message>
        <source>Sells on</source>
        <translation>판매 마켓</translation>
    </message>
    <message>
        <source>SP-API URL</source>
        <translation>SP-API URL</translation>
    </message>
    <message>
        <source>LWA token URL</source>
        <translation>LWA 토큰 URL</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>연결 테스트</translation>
    </message>
    <message>
        <source>Save account</source>
        <translation>계정 저장</translation>
    </message>
    <message>
        <source>Saved in the keyring — type to replace</source>
        <translation>키링에 저장됨 — 바꾸려면 새로 입력하세요</translation>
    </message>
    <message>
        <source>The connection test failed: correct the details above, or test again.</source>
        <translation>연결 테스트에 실패했습니다. 위의 정보를 고치거나 다시 테스트하세요.</translation>
    </message>
    <message>
        <source>The saved secrets cannot be read: {why} Type them above to test.</source>
        <translation>저장된 비밀 정보를 읽을 수 없습니다: {why} 테스트하려면 위에 입력하세요.</translation>
    </message>
    <message>
        <source>Testing the token exchange and the marketplaces…</source>
        <translation>토큰 교환과 마켓을 테스트하는 중…</translation>
    </message>
    <message>
        <source>Test Amazon connection</source>
        <translation>Amazon 연결 테스트</translation>
    </message>
    <message>
        <source>Connected: the token exchange works and the account sells on every chosen marketplace.</source>
        <translation>연결됨: 토큰 교환이 정상이며 선택한 모든 마켓에서 판매할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Channel Manager cannot start</source>
        <translation>Channel Manager를 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>Counting open errors</source>
        <translation>해결되지 않은 오류 세는 중</translation>
    </message>
    <message>
        <source>Syncing is paused: choose “Resume sync” first.</source>
        <translation>동기화가 일시 중지되었습니다. 먼저 “동기화 재개”를 선택하세요.</translation>
    </message>
    <message>
        <source>Syncing now…</source>
        <translation>지금 동기화하는 중…</translation>
    </message>
    <message>
        <source>Channel Manager is still running</source>
        <translation>Channel Manager가 계속 실행 중입니다</translation>
    </message>
    <message>
        <source>It keeps syncing in the background.</source>
        <translation>백그라운드에서 계속 동기화합니다.</translation>
    </message>
</context>
<context>
    <name>AppearanceSettings</name>
    <message>
        <source>Appearance</source>
        <translation>화면</translation>
    </message>
    <message>
        <source>Light or dark:</source>
        <translation>밝게 또는 어둡게:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
</context>
<context>
    <name>BulkOutcome</name>
    <message>
        <source>{count} skipped ({sku}: {reason} and {more} more).</source>
        <translation>{count}개 건너뜀({sku}: {reason} 외 {more}개).</translation>
    </message>
    <message>
        <source>{count} skipped ({sku}: {reason}).</source>
        <translation>{count}개 건너뜀({sku}: {reason}).</translation>
    </message>
</context>
<context>
    <name>BulkShipDialog</name>
    <message>
        <source>Ship several orders</source>
        <translation>여러 주문 발송</translation>
    </message>
    <message>
        <source>Enter the carrier and tracking number of each order, or load a CSV file of purchase order, carrier, tracking number (and tracking link). Everything still open on an order ships, dated now.</source>
        <translation>주문마다 택배사와 운송장 번호를 입력하거나, 구매 주문 번호·택배사·운송장 번호(와 배송 추적 링크)가 담긴 CSV 파일을 불러오세요. 주문에서 아직 발송되지 않은 상품이 모두 지금 날짜로 발송됩니다.</translation>
    </message>
    <message>
        <source>Load CSV…</source>
        <translation>CSV 불러오기…</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>발송</translation>
    </message>
    <message>
        <source>Don&apos;t ship</source>
        <translation>발송하지 않음</translation>
    </message>
    <message>
        <source>Line {line}: {reason}</source>
        <translation>{line}행: {reason}</translation>
    </message>
    <message>
        <source>Not read from the file — </source>
        <translation>파일에서 읽지 못함 — </translation>
    </message>
    <message>
        <source>Not shipped now</source>
        <translation>이번에 발송하지 않음</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) ready to ship</source>
        <translation>
            <numerusform>발송 준비된 주문 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n refused.</source>
        <translation>
            <numerusform>, 거부 %n건.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ship %n order(s)</source>
        <translation>
            <numerusform>주문 %n건 발송</numerusform>
        </translation>
    </message>
    <message>
        <source>Load shipments</source>
        <translation>발송 정보 불러오기</translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation>CSV (*.csv *.txt);;모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel order {order}</source>
        <translation>주문 {order} 취소</translation>
    </message>
    <message>
        <source>&lt;b&gt;Send the cancellation of {marketplace} order {po}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{marketplace} 주문 {po}의 취소 보내기&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Choose why the order is cancelled…</source>
        <translation>주문 취소 사유를 선택하세요…</translation>
    </message>
    <message>
        <source>These items were cancelled in Commerce. {marketplace} needs a reason Commerce does not record; choose it and the cancellation is sent to {marketplace}.</source>
        <translation>이 상품들은 Commerce에서 취소되었습니다. {marketplace}에는 Commerce가 기록하지 않는 사유가 필요합니다. 사유를 선택하면 취소가 {marketplace}(으)로 전송됩니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cancel the whole {marketplace} order {po}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{marketplace} 주문 {po} 전체 취소&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{marketplace} cancels whole orders only: every unshipped item below is cancelled on {marketplace} and Commerce order {order}. This cannot be undone.</source>
        <translation>{marketplace}는 주문 전체만 취소할 수 있습니다. 아래의 미배송 상품이 모두 {marketplace}와 Commerce 주문 {order}에서 취소됩니다. 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>{marketplace} cancels whole orders only: every unshipped item below is cancelled on {marketplace}. This cannot be undone.</source>
        <translation>{marketplace}는 주문 전체만 취소할 수 있습니다. 아래의 미배송 상품이 모두 {marketplace}에서 취소됩니다. 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Send cancellation of order {po}</source>
        <translation>주문 {po} 취소 보내기</translation>
    </message>
    <message>
        <source>Cancel order {po}</source>
        <translation>주문 {po} 취소</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>주문 유지</translation>
    </message>
</context>
<context>
    <name>CancelReason</name>
    <message>
        <source>Out of stock</source>
        <translation>재고 없음</translation>
    </message>
    <message>
        <source>Pricing error</source>
        <translation>가격 오류</translation>
    </message>
    <message>
        <source>Cannot ship to this address</source>
        <translation>이 주소로 배송할 수 없음</translation>
    </message>
    <message>
        <source>Fraud suspected: stop shipment</source>
        <translation>사기 의심: 배송 중지</translation>
    </message>
    <message>
        <source>Buyer asked to cancel</source>
        <translation>구매자가 취소 요청</translation>
    </message>
    <message>
        <source>No inventory</source>
        <translation>재고 없음</translation>
    </message>
    <message>
        <source>Shipping address undeliverable</source>
        <translation>배송지로 배송 불가</translation>
    </message>
    <message>
        <source>Customer exchange</source>
        <translation>고객 교환</translation>
    </message>
    <message>
        <source>The buyer canceled</source>
        <translation>구매자가 취소함</translation>
    </message>
    <message>
        <source>General adjustment</source>
        <translation>일반 조정</translation>
    </message>
    <message>
        <source>Carrier credit decision</source>
        <translation>운송사 크레딧 결정</translation>
    </message>
    <message>
        <source>Risk assessment information not valid</source>
        <translation>위험 평가 정보가 유효하지 않음</translation>
    </message>
    <message>
        <source>Carrier coverage failure</source>
        <translation>운송사 배송 불가 지역</translation>
    </message>
    <message>
        <source>Customer return</source>
        <translation>고객 반품</translation>
    </message>
    <message>
        <source>Merchandise not received</source>
        <translation>상품 미수령</translation>
    </message>
</context>
<context>
    <name>CardButton</name>
    <message>
        <source>{count} {title} — click to open the list</source>
        <translation>{title}: {count} — 클릭하면 목록이 열립니다</translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message>
        <source>{label} is required.</source>
        <translation>{label}은(는) 필수 항목입니다.</translation>
    </message>
    <message>
        <source>Give the store a name.</source>
        <translation>스토어 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Map at least one Commerce attribute to an identifier (UPC, EAN, ISBN or GTIN).</source>
        <translation>Commerce 속성을 하나 이상 식별 코드(UPC, EAN, ISBN 또는 GTIN)에 연결하세요.</translation>
    </message>
    <message>
        <source>The order is cancelled.</source>
        <translation>취소된 주문입니다.</translation>
    </message>
    <message>
        <source>The order is not in Commerce yet; ship it once it has been created there.</source>
        <translation>아직 Commerce에 없는 주문입니다. Commerce에 생성된 후 발송하세요.</translation>
    </message>
    <message>
        <source>Everything on this order has been shipped.</source>
        <translation>이 주문의 모든 상품이 발송되었습니다.</translation>
    </message>
    <message>
        <source>Nothing is left to ship or cancel on this order.</source>
        <translation>이 주문에는 발송하거나 취소할 상품이 없습니다.</translation>
    </message>
    <message>
        <source>The buyer asked to cancel this order; confirm that you still want to ship it, or cancel it with the reason “Buyer asked to cancel”.</source>
        <translation>구매자가 이 주문의 취소를 요청했습니다. 그래도 발송할지 확인하거나, “구매자가 취소 요청” 사유로 취소하세요.</translation>
    </message>
    <message>
        <source>choose why the order is cancelled</source>
        <translation>주문 취소 사유를 선택하세요</translation>
    </message>
    <message>
        <source>choose the carrier</source>
        <translation>택배사를 선택하세요</translation>
    </message>
    <message>
        <source>{marketplace} fulfils this order itself (FBA): it cannot be shipped from here</source>
        <translation>이 주문은 {marketplace}에서 직접 처리합니다(FBA): 여기서 발송할 수 없습니다</translation>
    </message>
    <message>
        <source>{marketplace} fulfils this order itself (FBA): it cannot be cancelled from here</source>
        <translation>이 주문은 {marketplace}에서 직접 처리합니다(FBA): 여기서 취소할 수 없습니다</translation>
    </message>
    <message>
        <source>“{carrier}” is not on {marketplace}&apos;s carrier list; choose “Other” and type its name</source>
        <translation>“{carrier}”은(는) {marketplace}의 택배사 목록에 없습니다. “기타”를 선택하고 이름을 입력하세요</translation>
    </message>
    <message>
        <source>“{reason}” is not one of {marketplace}&apos;s reasons ({choices})</source>
        <translation>“{reason}”은(는) {marketplace}의 사유가 아닙니다({choices})</translation>
    </message>
    <message>
        <source>type the carrier&apos;s name</source>
        <translation>택배사 이름을 입력하세요</translation>
    </message>
    <message>
        <source>at most 64 characters</source>
        <translation>최대 64자</translation>
    </message>
    <message>
        <source>Part of the order has shipped; {marketplace} only cancels whole unshipped orders.</source>
        <translation>주문 일부가 발송되었습니다. {marketplace}는 전혀 발송되지 않은 주문만 취소합니다.</translation>
    </message>
    <message>
        <source>order #{order} does not exist</source>
        <translation>주문 #{order}이(가) 없습니다</translation>
    </message>
    <message>
        <source>{marketplace} fulfils this order itself (FBA).</source>
        <translation>이 주문은 {marketplace}에서 직접 처리합니다(FBA).</translation>
    </message>
    <message>
        <source>“{reason}” is not a Walmart reason ({choices})</source>
        <translation>“{reason}”은(는) Walmart의 사유가 아닙니다({choices})</translation>
    </message>
    <message>
        <source>“Buyer asked to cancel” is only allowed when the buyer asked on Walmart; choose another reason</source>
        <translation>“구매자가 취소를 요청함”은 구매자가 Walmart에서 요청한 경우에만 사용할 수 있습니다. 다른 사유를 선택하세요</translation>
    </message>
    <message>
        <source>“{carrier}” is not on Walmart&apos;s carrier list; choose “Other” and type its name</source>
        <translation>“{carrier}”은(는) Walmart의 택배사 목록에 없습니다. “기타”를 선택하고 이름을 입력하세요</translation>
    </message>
    <message>
        <source>Walmart needs a tracking link when the carrier is not listed</source>
        <translation>목록에 없는 택배사이면 Walmart에 배송 조회 링크가 필요합니다</translation>
    </message>
    <message>
        <source>enter a web address starting with https://</source>
        <translation>https://로 시작하는 웹 주소를 입력하세요</translation>
    </message>
    <message>
        <source>at most 500 characters</source>
        <translation>최대 500자</translation>
    </message>
    <message>
        <source>enter the carrier&apos;s tracking number</source>
        <translation>택배사의 운송장 번호를 입력하세요</translation>
    </message>
    <message>
        <source>use only letters, digits and dashes (as on the label)</source>
        <translation>문자, 숫자, 대시만 사용하세요(라벨에 적힌 대로)</translation>
    </message>
    <message>
        <source>a tracking number has {least} to {most} characters</source>
        <translation>운송장 번호는 {least}~{most}자입니다</translation>
    </message>
    <message>
        <source>{number} is already used by a shipment of this order</source>
        <translation>{number}은(는) 이 주문의 다른 발송에 이미 사용되었습니다</translation>
    </message>
    <message>
        <source>choose one of {choices}</source>
        <translation>{choices} 중 하나를 선택하세요</translation>
    </message>
    <message>
        <source>cannot be later than tomorrow</source>
        <translation>내일보다 늦을 수 없습니다</translation>
    </message>
    <message>
        <source>cannot be before the order date</source>
        <translation>주문일보다 이를 수 없습니다</translation>
    </message>
    <message>
        <source>the order has no line {line}</source>
        <translation>주문에 {line}번 줄이 없습니다</translation>
    </message>
    <message>
        <source>ship at least one item (all quantities are 0)</source>
        <translation>상품을 하나 이상 발송하세요(모든 수량이 0입니다)</translation>
    </message>
    <message>
        <source>enter a whole number</source>
        <translation>정수를 입력하세요</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>음수일 수 없습니다</translation>
    </message>
    <message>
        <source>{qty} is more than the {left} left to ship ({sku}: {ordered} ordered)</source>
        <translation>{qty}개는 발송할 남은 수량 {left}개보다 많습니다({sku}: {ordered}개 주문)</translation>
    </message>
    <message>
        <source>{qty} is more than the {left} left to ship ({sku}: {ordered} ordered, {shipped} shipped)</source>
        <translation>{qty}개는 발송할 남은 수량 {left}개보다 많습니다({sku}: {ordered}개 주문, {shipped}개 발송됨)</translation>
    </message>
    <message>
        <source>{qty} is more than the {left} left to ship ({sku}: {ordered} ordered, {cancelled} cancelled)</source>
        <translation>{qty}개는 발송할 남은 수량 {left}개보다 많습니다({sku}: {ordered}개 주문, {cancelled}개 취소됨)</translation>
    </message>
    <message>
        <source>{qty} is more than the {left} left to ship ({sku}: {ordered} ordered, {shipped} shipped and {cancelled} cancelled)</source>
        <translation>{qty}개는 발송할 남은 수량 {left}개보다 많습니다({sku}: {ordered}개 주문, {shipped}개 발송됨, {cancelled}개 취소됨)</translation>
    </message>
    <message>
        <source>the store has an account named {name}</source>
        <translation>이 스토어에 {name} 이름의 계정이 이미 있습니다</translation>
    </message>
    <message>
        <source>Amazon could not be reached: {error}</source>
        <translation>Amazon에 연결할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>The LWA client ID is required.</source>
        <translation>LWA 클라이언트 ID를 입력해야 합니다.</translation>
    </message>
    <message>
        <source>The LWA client secret is required.</source>
        <translation>LWA 클라이언트 시크릿을 입력해야 합니다.</translation>
    </message>
    <message>
        <source>The refresh token is required.</source>
        <translation>갱신 토큰을 입력해야 합니다.</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>계정 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter the seller ID (Seller Central: Settings, Account Info, Merchant Token).</source>
        <translation>판매자 ID를 입력하세요(Seller Central: 설정, 계정 정보, 판매자 토큰).</translation>
    </message>
    <message>
        <source>is disabled in Commerce</source>
        <translation>Commerce에서 비활성화되어 있습니다</translation>
    </message>
    <message>
        <source>is out of stock in Commerce</source>
        <translation>Commerce에서 재고가 없습니다</translation>
    </message>
    <message>
        <source>“{url}” is not a valid web address ({error})</source>
        <translation>“{url}”은(는) 올바른 웹 주소가 아닙니다({error})</translation>
    </message>
    <message>
        <source>“{url}” must start with https:// and name a host</source>
        <translation>“{url}”은(는) https://로 시작하고 호스트를 포함해야 합니다</translation>
    </message>
    <message>
        <source>“{url}” uses plain http; use https:// (http is allowed only for localhost)</source>
        <translation>“{url}”은(는) 일반 http를 사용합니다. https://를 사용하세요(http는 localhost에만 허용됩니다)</translation>
    </message>
    <message>
        <source>the address must not contain a user name, password, query or fragment</source>
        <translation>주소에 사용자 이름, 비밀번호, 쿼리 또는 프래그먼트를 넣을 수 없습니다</translation>
    </message>
    <message>
        <source>the order is already on line {line}</source>
        <translation>이 주문은 이미 {line}번 줄에 있습니다</translation>
    </message>
    <message>
        <source>no purchase order number</source>
        <translation>구매 주문 번호가 없습니다</translation>
    </message>
    <message>
        <source>no order has this number</source>
        <translation>이 번호의 주문이 없습니다</translation>
    </message>
    <message>
        <source>the line has too few columns (purchase order, carrier, tracking)</source>
        <translation>이 줄의 열이 부족합니다(구매 주문, 택배사, 운송장)</translation>
    </message>
    <message>
        <source>{amount} in Commerce</source>
        <translation>Commerce에서 {amount}</translation>
    </message>
    <message>
        <source>a store named {name} already exists</source>
        <translation>{name} 이름의 스토어가 이미 있습니다</translation>
    </message>
    <message>
        <source>at most {most} characters ({typed} typed)</source>
        <translation>최대 {most}자({typed}자 입력됨)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Load the dashboard</source>
        <translation>대시보드 불러오기</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>대시보드</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Listings</source>
        <translation>상품 등록</translation>
    </message>
</context>
<context>
    <name>DelayChart</name>
    <message>
        <source>minutes</source>
        <translation>분</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>초</translation>
    </message>
</context>
<context>
    <name>DesktopSettings</name>
    <message>
        <source>Start Channel Manager when I log in</source>
        <translation>로그인할 때 Channel Manager 시작</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>데스크톱</translation>
    </message>
    <message>
        <source>Show a desktop notification for:</source>
        <translation>다음 경우 데스크톱 알림 표시:</translation>
    </message>
    <message>
        <source>The system refused to change the login item: {exc}</source>
        <translation>시스템이 로그인 항목 변경을 거부했습니다: {exc}</translation>
    </message>
    <message>
        <source>New marketplace orders</source>
        <translation>새 마켓플레이스 주문</translation>
    </message>
    <message>
        <source>Sync problems (a sync step starts failing)</source>
        <translation>동기화 문제(동기화 단계가 실패하기 시작할 때)</translation>
    </message>
    <message>
        <source>Orders cancelled in Commerce that need you</source>
        <translation>Commerce에서 취소되어 처리가 필요한 주문</translation>
    </message>
</context>
<context>
    <name>EngineControl</name>
    <message>
        <source>Connecting stores</source>
        <translation>스토어 연결 중</translation>
    </message>
    <message>
        <source>Reconnecting stores</source>
        <translation>스토어 다시 연결 중</translation>
    </message>
    <message>
        <source>Restarting the sync</source>
        <translation>동기화 다시 시작 중</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>More problems happened; see the details.</source>
        <translation>다른 문제도 발생했습니다. 자세한 내용을 확인하세요.</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Export {kind} as CSV…</source>
        <translation>{kind} CSV로 내보내기…</translation>
    </message>
    <message>
        <source>Write the {kind} of the store shown to a CSV file.</source>
        <translation>표시된 스토어의 {kind}을(를) CSV 파일로 저장합니다.</translation>
    </message>
    <message>
        <source>Export {kind}</source>
        <translation>{kind} 내보내기</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>{count} {kind} exported to {path}</source>
        <translation>{kind} {count}건을 {path}(으)로 내보냈습니다</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>carrier</source>
        <translation>택배사</translation>
    </message>
    <message>
        <source>carrier name</source>
        <translation>택배사 이름</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>shipping method</source>
        <translation>배송 방법</translation>
    </message>
    <message>
        <source>tracking number</source>
        <translation>운송장 번호</translation>
    </message>
    <message>
        <source>tracking URL</source>
        <translation>배송 조회 URL</translation>
    </message>
    <message>
        <source>ship date</source>
        <translation>발송일</translation>
    </message>
    <message>
        <source>quantities</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>cancellation reason</source>
        <translation>취소 사유</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Welcome to Channel Manager</source>
        <translation>Channel Manager에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>Channel Manager sells your Adobe Commerce catalog on Walmart Marketplace: it keeps prices and stock in step, brings Walmart orders into Commerce, and sends your shipments back. How would you like to start?</source>
        <translation>Channel Manager는 Adobe Commerce 카탈로그를 Walmart Marketplace에서 판매하도록 돕습니다. 가격과 재고를 맞추고, Walmart 주문을 Commerce로 가져오고, 발송 정보를 돌려보냅니다. 어떻게 시작할까요?</translation>
    </message>
    <message>
        <source>Connect my store</source>
        <translation>내 스토어 연결</translation>
    </message>
    <message>
        <source>Your Commerce URL and access token, and your Walmart Client ID and Secret. You can test the connection before saving.</source>
        <translation>Commerce URL과 액세스 토큰, Walmart Client ID와 Secret을 입력합니다. 저장하기 전에 연결을 테스트할 수 있습니다.</translation>
    </message>
    <message>
        <source>Needs a safe place for your access token and Walmart secret (a system keyring), and this computer has none yet: install and unlock one, then start Channel Manager again. The demo works meanwhile.</source>
        <translation>액세스 토큰과 Walmart 비밀 키를 보관할 안전한 장소(시스템 키링)가 필요한데, 이 컴퓨터에는 아직 없습니다. 키링을 설치하고 잠금 해제한 뒤 Channel Manager를 다시 시작하세요. 그동안 데모는 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>데모 체험</translation>
    </message>
    <message>
        <source>Explore with a demo shop and a simulated Walmart account on this computer. Nothing is sent anywhere.</source>
        <translation>이 컴퓨터에서 데모 스토어와 가상의 Walmart 계정으로 둘러봅니다. 어디에도 전송되지 않습니다.</translation>
    </message>
    <message>
        <source>Later, Help › Get started… brings you back here.</source>
        <translation>나중에 도움말 › 시작하기…에서 이 화면으로 돌아올 수 있습니다.</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
</context>
<context>
    <name>IdentifierProblem</name>
    <message>
        <source>{kind} is empty</source>
        <translation>{kind}이(가) 비어 있습니다</translation>
    </message>
    <message>
        <source>ISBN-10 {value} has a wrong check digit</source>
        <translation>ISBN-10 {value}의 검사 숫자가 잘못되었습니다</translation>
    </message>
    <message>
        <source>{kind} {value} must contain only digits</source>
        <translation>{kind} {value}에는 숫자만 있어야 합니다</translation>
    </message>
    <message>
        <source>{kind} {value} has {digits} digits; expected 8, 12, 13 or 14</source>
        <translation>{kind} {value}은(는) {digits}자리입니다. 8, 12, 13 또는 14자리여야 합니다</translation>
    </message>
    <message>
        <source>UPC {value} must have 12 digits</source>
        <translation>UPC {value}은(는) 12자리여야 합니다</translation>
    </message>
    <message>
        <source>EAN {value} must have 13 (or 8) digits</source>
        <translation>EAN {value}은(는) 13(또는 8)자리여야 합니다</translation>
    </message>
    <message>
        <source>ISBN {value} must start with 978 or 979</source>
        <translation>ISBN {value}은(는) 978 또는 979로 시작해야 합니다</translation>
    </message>
    <message>
        <source>{kind} {value} has a wrong check digit</source>
        <translation>{kind} {value}의 검사 숫자가 잘못되었습니다</translation>
    </message>
    <message>
        <source>{problem} (attribute “{code}”)</source>
        <translation>{problem}(속성 “{code}”)</translation>
    </message>
    <message>
        <source>No product identifier: fill one of the attributes {codes} in Commerce</source>
        <translation>상품 식별자가 없습니다: Commerce에서 {codes} 속성 중 하나를 채우세요</translation>
    </message>
    <message>
        <source>(none configured)</source>
        <translation>(설정되지 않음)</translation>
    </message>
</context>
<context>
    <name>IdentifierTable</name>
    <message>
        <source>Commerce attributes that may hold a product&apos;s identifier, tried from the top. Identifiers are checked (check digit) and turned into a GTIN-14 before matching.</source>
        <translation>상품 식별 코드가 들어 있을 수 있는 Commerce 속성으로, 위에서부터 차례로 시도합니다. 매칭 전에 식별 코드를 검증(체크 디지트)하고 GTIN-14로 변환합니다.</translation>
    </message>
    <message>
        <source>Commerce attribute code</source>
        <translation>Commerce 속성 코드</translation>
    </message>
    <message>
        <source>Identifier kind</source>
        <translation>식별 코드 종류</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>속성 추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>{count} imported</source>
        <translation>{count}개 가져옴</translation>
    </message>
    <message>
        <source>{count} updated</source>
        <translation>{count}개 업데이트</translation>
    </message>
    <message>
        <source>{count} incomplete (no valid identifier)</source>
        <translation>{count}개 정보 부족(유효한 식별 코드 없음)</translation>
    </message>
    <message>
        <source>{count} skipped</source>
        <translation>{count}개 건너뜀</translation>
    </message>
    <message>
        <source>{count} not found in Commerce</source>
        <translation>{count}개 Commerce에 없음</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source> — cancelled</source>
        <translation> — 취소됨</translation>
    </message>
</context>
<context>
    <name>KeyringDialog</name>
    <message>
        <source>Copy instructions</source>
        <translation>안내 복사</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Continue without connecting</source>
        <translation>연결하지 않고 계속</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>복사됨</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Loop</source>
        <translation>동기화 작업</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>마지막 실행</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>다음 실행</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>마지막 결과</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>마지막 오류</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>오류만</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>참고</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>변경됨</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>seen</source>
        <translation>확인함</translation>
    </message>
    <message>
        <source>new</source>
        <translation>신규</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>업데이트</translation>
    </message>
    <message>
        <source>known</source>
        <translation>기존</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>검사함</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>전송함</translation>
    </message>
    <message>
        <source>matched</source>
        <translation>매칭됨</translation>
    </message>
    <message>
        <source>with several candidates</source>
        <translation>후보 여러 개</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>찾지 못함</translation>
    </message>
    <message>
        <source>held</source>
        <translation>보류</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>거부됨</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>기록함</translation>
    </message>
    <message>
        <source>untracked</source>
        <translation>추적 안 함</translation>
    </message>
    <message>
        <source>set up</source>
        <translation>등록함</translation>
    </message>
    <message>
        <source>prices queued</source>
        <translation>가격 전송 대기</translation>
    </message>
    <message>
        <source>new returns</source>
        <translation>새 반품</translation>
    </message>
    <message>
        <source>refunds queued</source>
        <translation>환불 대기</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>구매 주문 번호</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>택배사</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>운송장 번호</translation>
    </message>
    <message>
        <source>Tracking link</source>
        <translation>배송 추적 링크</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Ready to ship</source>
        <translation>발송 준비됨</translation>
    </message>
    <message>
        <source>Marketplace order number (or Commerce order number)</source>
        <translation>마켓 주문 번호(또는 Commerce 주문 번호)</translation>
    </message>
    <message>
        <source>Orders per day by status (last 30 days)</source>
        <translation>상태별 일일 주문(최근 30일)</translation>
    </message>
    <message>
        <source>Sync delay per loop, worst per 10 min (last 24 h)</source>
        <translation>동기화 작업별 지연, 10분당 최댓값(최근 24시간)</translation>
    </message>
    <message>
        <source>Sync delay per loop (last 24 h) — no sync runs yet</source>
        <translation>동기화 작업별 지연(최근 24시간) — 아직 동기화 기록 없음</translation>
    </message>
    <message>
        <source>For each sync loop: the longest a change could have waited before the loop carried it across — from the start of the loop&apos;s last successful run to the end of the next run. Intervals are set per store in Settings; a failing loop&apos;s delay keeps growing.</source>
        <translation>각 동기화 작업에서 변경 사항이 전달되기까지 최대로 기다릴 수 있는 시간입니다 — 마지막으로 성공한 실행의 시작부터 다음 실행의 끝까지. 간격은 설정에서 스토어별로 정하며, 실패 중인 작업의 지연은 계속 늘어납니다.</translation>
    </message>
    <message>
        <source>To acknowledge</source>
        <translation>확인 대기</translation>
    </message>
    <message>
        <source>To create in Commerce</source>
        <translation>Commerce 생성 대기</translation>
    </message>
    <message>
        <source>Due to ship today</source>
        <translation>오늘 발송 마감</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>기한 지남</translation>
    </message>
    <message>
        <source>Orders in error</source>
        <translation>오류 주문</translation>
    </message>
    <message>
        <source>Listings active</source>
        <translation>판매 중인 상품</translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation>미매칭</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>정보 부족</translation>
    </message>
    <message>
        <source>Listings in error</source>
        <translation>오류 상품</translation>
    </message>
    <message>
        <source>Passwords cannot be stored safely</source>
        <translation>비밀번호를 안전하게 저장할 수 없습니다</translation>
    </message>
    <message>
        <source>Channel Manager never falls back to saving secrets in a plain file. If you continue, you can look at data already synced, but no store can connect until a keyring is available. The demo works without one (Help › Get started…).</source>
        <translation>Channel Manager는 비밀 정보를 일반 파일에 저장하지 않습니다. 계속하면 이미 동기화된 데이터는 볼 수 있지만, 키링을 사용할 수 있을 때까지 어떤 스토어도 연결할 수 없습니다. 데모는 키링 없이도 사용할 수 있습니다(도움말 › 시작하기…).</translation>
    </message>
    <message>
        <source>Select the listings first: nothing shown in the list is selected.</source>
        <translation>먼저 상품을 선택하세요. 목록에서 선택된 항목이 없습니다.</translation>
    </message>
    <message>
        <source>Pick a Walmart item</source>
        <translation>Walmart 상품 선택</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>아직 보내지 않음</translation>
    </message>
    <message>
        <source>Waiting for Walmart</source>
        <translation>Walmart 대기 중</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>찾지 못함</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>매칭됨</translation>
    </message>
    <message>
        <source>To pick</source>
        <translation>선택 필요</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>대시보드</translation>
    </message>
    <message>
        <source>Listings</source>
        <translation>상품 등록</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>매칭</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>반품</translation>
    </message>
    <message>
        <source>Sync activity</source>
        <translation>동기화 활동</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>발송됨</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>환불됨</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>배송비</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>세금</translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation>발송일</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>배송 방법</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>상품</translation>
    </message>
    <message>
        <source>&lt;br&gt;Fix the cause (in Commerce or on {marketplace}), then click Retry.</source>
        <translation>&lt;br&gt;(Commerce 또는 {marketplace}에서) 원인을 해결한 다음 재시도를 누르세요.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cancelled in Commerce — choose the reason for {marketplace}.&lt;/b&gt; {marketplace} still expects this order to ship; nothing is sent until you choose a reason with “Choose reason for {marketplace}…”.</source>
        <translation>&lt;b&gt;Commerce에서 취소됨 — {marketplace}에 보낼 사유를 선택하세요.&lt;/b&gt; {marketplace}에서는 아직 이 주문이 발송될 것으로 알고 있습니다. “{marketplace} 사유 선택…”으로 사유를 고를 때까지 아무것도 전송되지 않습니다.</translation>
    </message>
    <message>
        <source>Sent to marketplace</source>
        <translation>마켓플레이스 전송</translation>
    </message>
    <message>
        <source>When</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>Marketplace</source>
        <translation>마켓</translation>
    </message>
    <message>
        <source>Customer order</source>
        <translation>고객 주문 번호</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>주문일</translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation>발송 기한</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>배송지</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화</translation>
    </message>
    <message>
        <source>Amazon total</source>
        <translation>Amazon 합계</translation>
    </message>
    <message>
        <source>acknowledging on Walmart</source>
        <translation>Walmart에서 주문 확인 중</translation>
    </message>
    <message>
        <source>creating the order in Commerce</source>
        <translation>Commerce에서 주문 생성 중</translation>
    </message>
    <message>
        <source>looking for the order in Commerce</source>
        <translation>Commerce에서 주문 찾는 중</translation>
    </message>
    <message>
        <source>creating the Commerce cart</source>
        <translation>Commerce 장바구니 생성 중</translation>
    </message>
    <message>
        <source>adding the items to the Commerce cart</source>
        <translation>Commerce 장바구니에 상품 추가 중</translation>
    </message>
    <message>
        <source>setting the shipping address in Commerce</source>
        <translation>Commerce에서 배송지 설정 중</translation>
    </message>
    <message>
        <source>placing the order in Commerce</source>
        <translation>Commerce에서 주문 접수 중</translation>
    </message>
    <message>
        <source>linking the Commerce order to Walmart&apos;s</source>
        <translation>Commerce 주문을 Walmart 주문과 연결하는 중</translation>
    </message>
    <message>
        <source>adding the Walmart order comment in Commerce</source>
        <translation>Commerce에 Walmart 주문 메모 추가 중</translation>
    </message>
    <message>
        <source>shipping in Commerce</source>
        <translation>Commerce에서 발송 처리 중</translation>
    </message>
    <message>
        <source>sending the shipment to Walmart</source>
        <translation>Walmart에 발송 정보 전송 중</translation>
    </message>
    <message>
        <source>cancelling on Walmart</source>
        <translation>Walmart에서 취소 중</translation>
    </message>
    <message>
        <source>cancelling in Commerce</source>
        <translation>Commerce에서 취소 중</translation>
    </message>
    <message>
        <source>reading a shipment made in Commerce</source>
        <translation>Commerce에서 만든 발송 정보 읽는 중</translation>
    </message>
    <message>
        <source>recording the return in Commerce</source>
        <translation>Commerce에 반품 기록 중</translation>
    </message>
    <message>
        <source>refunding the return on Walmart</source>
        <translation>Walmart에서 반품 환불 중</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>전체 주문</translation>
    </message>
    <message>
        <source>In error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>오늘 마감</translation>
    </message>
    <message>
        <source>Buyer asked to cancel</source>
        <translation>구매자가 취소 요청</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>최근 30일</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>최근 90일</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>기간 지정</translation>
    </message>
    <message>
        <source>No note. Notes stay on this computer and the search finds them.</source>
        <translation>메모 없음. 메모는 이 컴퓨터에만 저장되며 검색으로 찾을 수 있습니다.</translation>
    </message>
    <message>
        <source>Connect a store (Settings) before adding products.</source>
        <translation>상품을 추가하려면 먼저 (설정에서) 스토어를 연결하세요.</translation>
    </message>
    <message>
        <source>orders in error</source>
        <translation>건의 주문 오류</translation>
    </message>
    <message>
        <source>in error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>orders overdue (past their ship-by date)</source>
        <translation>건의 주문 기한 지남(발송 기한 경과)</translation>
    </message>
    <message>
        <source>late</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>orders due to ship today</source>
        <translation>건의 주문 오늘 발송 마감</translation>
    </message>
    <message>
        <source>today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>listings in error</source>
        <translation>개 상품 오류</translation>
    </message>
    <message>
        <source>listings need you to pick a Walmart item</source>
        <translation>개 상품에 Walmart 상품 선택 필요</translation>
    </message>
    <message>
        <source>to pick</source>
        <translation>선택 필요</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>반품</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>환불액</translation>
    </message>
    <message>
        <source>In Commerce</source>
        <translation>Commerce</translation>
    </message>
    <message>
        <source>Refunded on</source>
        <translation>환불일</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>No returns yet. Returns buyers open on the marketplace appear here after the next sync.</source>
        <translation>아직 반품이 없습니다. 구매자가 마켓플레이스에서 연 반품은 다음 동기화 후 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Refund on {marketplace}</source>
        <translation>{marketplace}에서 환불</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>환불…</translation>
    </message>
    <message>
        <source>Select one return to refund it on its marketplace.</source>
        <translation>해당 마켓플레이스에서 환불할 반품을 하나 선택하세요.</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>스토어</translation>
    </message>
    <message>
        <source>Commerce</source>
        <translation>Commerce</translation>
    </message>
    <message>
        <source>Store view</source>
        <translation>스토어 뷰</translation>
    </message>
    <message>
        <source>Walmart API</source>
        <translation>Walmart API</translation>
    </message>
    <message>
        <source>Amazon account</source>
        <translation>Amazon 계정</translation>
    </message>
    <message>
        <source>Ship now</source>
        <translation>지금 발송</translation>
    </message>
    <message>
        <source>Saved in the keyring — type to replace</source>
        <translation>키링에 저장됨 — 입력하면 바뀝니다</translation>
    </message>
    <message>
        <source>New marketplace orders</source>
        <translation>새 마켓플레이스 주문</translation>
    </message>
    <message>
        <source>Product changes in Commerce</source>
        <translation>Commerce 상품 변경</translation>
    </message>
    <message>
        <source>Stock in Commerce</source>
        <translation>Commerce 재고</translation>
    </message>
    <message>
        <source>Price and stock changes to Walmart</source>
        <translation>Walmart로 가격·재고 변경 전송</translation>
    </message>
    <message>
        <source>Full stock re-check on Walmart</source>
        <translation>Walmart 전체 재고 재확인</translation>
    </message>
    <message>
        <source>Listings waiting for a match</source>
        <translation>매칭 대기 중인 상품</translation>
    </message>
    <message>
        <source>Shipments made in Commerce</source>
        <translation>Commerce에서 만든 발송</translation>
    </message>
    <message>
        <source>Walmart returns</source>
        <translation>Walmart 반품</translation>
    </message>
    <message>
        <source>Orders cancelled in Commerce</source>
        <translation>Commerce에서 취소된 주문</translation>
    </message>
    <message>
        <source>Listings report from Amazon</source>
        <translation>Amazon 등록 상품 보고서</translation>
    </message>
    <message>
        <source>Price and stock changes to Amazon</source>
        <translation>Amazon으로 보내는 가격·재고 변경</translation>
    </message>
    <message>
        <source>Returns report from Amazon</source>
        <translation>Amazon 반품 보고서</translation>
    </message>
    <message>
        <source>Hold it until I choose Walmart&apos;s reason</source>
        <translation>Walmart 사유를 고를 때까지 보류</translation>
    </message>
    <message>
        <source>The connection test failed: correct the details above, or test again.</source>
        <translation>연결 테스트에 실패했습니다. 위 정보를 고치거나 다시 테스트하세요.</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>최신 상태</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>동기화 중…</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>동기화 문제</translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation>동기화 일시 중지됨</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>카탈로그</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>재고</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>가격·재고</translation>
    </message>
    <message>
        <source>Full stock</source>
        <translation>전체 재고</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>발송</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Sync process</source>
        <translation>동기화 프로세스</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>확인 필요</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>This entry could not be loaded</source>
        <translation>이 항목을 불러올 수 없습니다</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <source>Cancel requested</source>
        <translation>취소 요청됨</translation>
    </message>
    <message>
        <source>Item pick undone</source>
        <translation>상품 선택 취소됨</translation>
    </message>
    <message>
        <source>Item picked</source>
        <translation>상품 선택됨</translation>
    </message>
    <message>
        <source>Catalog import</source>
        <translation>카탈로그 가져오기</translation>
    </message>
    <message>
        <source>Catalog refresh</source>
        <translation>카탈로그 새로 고침</translation>
    </message>
    <message>
        <source>Commerce cancellation</source>
        <translation>Commerce 취소</translation>
    </message>
    <message>
        <source>Commerce shipment</source>
        <translation>Commerce 발송</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>생성됨</translation>
    </message>
    <message>
        <source>Credit memo seen</source>
        <translation>대변 메모 확인됨</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>FBA shipment</source>
        <translation>FBA 발송</translation>
    </message>
    <message>
        <source>Feed submitted</source>
        <translation>피드 제출됨</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>가져옴</translation>
    </message>
    <message>
        <source>Match candidates</source>
        <translation>일치 후보</translation>
    </message>
    <message>
        <source>Match error</source>
        <translation>매칭 오류</translation>
    </message>
    <message>
        <source>Match not found</source>
        <translation>일치 항목 없음</translation>
    </message>
    <message>
        <source>Match requested</source>
        <translation>매칭 요청됨</translation>
    </message>
    <message>
        <source>Not created</source>
        <translation>생성되지 않음</translation>
    </message>
    <message>
        <source>Order placed</source>
        <translation>주문 생성됨</translation>
    </message>
    <message>
        <source>Price error</source>
        <translation>가격 오류</translation>
    </message>
    <message>
        <source>Price sent</source>
        <translation>보낸 가격</translation>
    </message>
    <message>
        <source>Refund requested</source>
        <translation>환불 요청됨</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>다시 보내기</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>재시도</translation>
    </message>
    <message>
        <source>Return imported</source>
        <translation>반품 가져옴</translation>
    </message>
    <message>
        <source>Return refunded</source>
        <translation>반품 환불됨</translation>
    </message>
    <message>
        <source>Ship requested</source>
        <translation>발송 요청됨</translation>
    </message>
    <message>
        <source>Stock error</source>
        <translation>재고 오류</translation>
    </message>
    <message>
        <source>Stock sent</source>
        <translation>보낸 재고</translation>
    </message>
    <message>
        <source>Total differs</source>
        <translation>합계 불일치</translation>
    </message>
    <message>
        <source>Tracking link added</source>
        <translation>배송 조회 링크 추가됨</translation>
    </message>
    <message>
        <source>Walmart status</source>
        <translation>Walmart 상태</translation>
    </message>
    <message>
        <source>Walmart update</source>
        <translation>Walmart 업데이트</translation>
    </message>
    <message>
        <source>Amazon update</source>
        <translation>Amazon 업데이트</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>마지막 전송</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>식별 코드</translation>
    </message>
    <message>
        <source>Item / ASIN</source>
        <translation>상품 / ASIN</translation>
    </message>
    <message>
        <source>This listing could not be loaded</source>
        <translation>이 상품을 불러올 수 없습니다</translation>
    </message>
    <message>
        <source>This order could not be loaded</source>
        <translation>이 주문을 불러올 수 없습니다</translation>
    </message>
    <message>
        <source>Marketplace order</source>
        <translation>마켓 주문</translation>
    </message>
    <message>
        <source>Commerce order</source>
        <translation>Commerce 주문</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>This row could not be loaded</source>
        <translation>이 행을 불러올 수 없습니다</translation>
    </message>
    <message>
        <source>Search becomes available once orders and listings have been synced.</source>
        <translation>주문과 상품이 동기화되면 검색을 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>Check both stores for changes right away</source>
        <translation>지금 두 스토어의 변경 사항 확인</translation>
    </message>
    <message>
        <source>Syncing is paused; start it again</source>
        <translation>동기화가 일시 중지되었습니다. 다시 시작하기</translation>
    </message>
    <message>
        <source>Walmart total</source>
        <translation>Walmart 합계</translation>
    </message>
    <message>
        <source>Commerce total</source>
        <translation>Commerce 합계</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>차액</translation>
    </message>
    <message>
        <source>Commerce URL</source>
        <translation>Commerce URL</translation>
    </message>
    <message>
        <source>Walmart URL</source>
        <translation>Walmart URL</translation>
    </message>
    <message>
        <source>Commerce access token</source>
        <translation>Commerce 액세스 토큰</translation>
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
        <translation>“{text}”에 대한 결과가 없습니다. 검색은 주문 번호(Walmart, 고객, Commerce), 운송장 번호, SKU, 상품 이름, 식별 코드에서 찾습니다.</translation>
    </message>
    <message>
        <source>More than {limit} matches: type more of the number or name</source>
        <translation>결과가 {limit}개를 넘습니다: 번호나 이름을 더 입력하세요</translation>
    </message>
    <message>
        <source>Add your Commerce store and Walmart seller account with “channelmanager-gui store add”, or try everything with demo data: “channelmanager-gui --demo”.</source>
        <translation>“channelmanager-gui store add”로 Commerce 스토어와 Walmart 판매자 계정을 추가하거나, 데모 데이터로 모든 기능을 체험하세요: “channelmanager-gui --demo”.</translation>
    </message>
    <message>
        <source>{title} view not available yet</source>
        <translation>{title} 화면은 아직 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>Syncing runs in the background and keeps this data up to date; this view arrives in a later version of Channel Manager.</source>
        <translation>동기화는 백그라운드에서 실행되어 이 데이터를 최신으로 유지합니다. 이 화면은 Channel Manager의 이후 버전에서 제공됩니다.</translation>
    </message>
    <message>
        <source>Nothing to report yet</source>
        <translation>아직 표시할 내용이 없습니다</translation>
    </message>
    <message>
        <source>After the first sync this shows orders to acknowledge, due today, overdue and in error, and listings active, unmatched and in error.</source>
        <translation>첫 동기화 후 확인 대기, 오늘 마감, 기한 지남, 오류 주문과 판매 중, 미매칭, 오류 상품이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>No listings yet</source>
        <translation>아직 상품이 없습니다</translation>
    </message>
    <message>
        <source>Your Walmart listings will appear here after the first catalog sync.</source>
        <translation>첫 카탈로그 동기화 후 Walmart 상품이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Nothing to match yet</source>
        <translation>아직 매칭할 상품이 없습니다</translation>
    </message>
    <message>
        <source>Products from your Commerce catalog that still need a Walmart item will appear here after the first catalog sync.</source>
        <translation>첫 카탈로그 동기화 후 아직 Walmart 상품이 필요한 Commerce 상품이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>No orders yet</source>
        <translation>아직 주문이 없습니다</translation>
    </message>
    <message>
        <source>Orders will appear here after the first sync.</source>
        <translation>첫 동기화 후 주문이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>No returns yet</source>
        <translation>아직 반품이 없습니다</translation>
    </message>
    <message>
        <source>Walmart returns will appear here after the first sync.</source>
        <translation>첫 동기화 후 Walmart 반품이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>No sync runs yet</source>
        <translation>아직 동기화 기록이 없습니다</translation>
    </message>
    <message>
        <source>Every sync run and its outcome will be listed here once syncing starts.</source>
        <translation>동기화가 시작되면 모든 동기화 실행과 결과가 여기에 나열됩니다.</translation>
    </message>
    <message>
        <source>Store settings</source>
        <translation>스토어 설정</translation>
    </message>
    <message>
        <source>Managing stores from this window is not available yet.</source>
        <translation>이 창에서는 아직 스토어를 관리할 수 없습니다.</translation>
    </message>
    <message>
        <source>Walmart orders appear here after the next sync; click “Sync now” at the top to fetch them right away.</source>
        <translation>Walmart 주문은 다음 동기화 후 여기에 표시됩니다. 바로 가져오려면 위쪽의 “지금 동기화”를 누르세요.</translation>
    </message>
    <message>
        <source>No order is in error.</source>
        <translation>오류가 난 주문이 없습니다.</translation>
    </message>
    <message>
        <source>No order is overdue.</source>
        <translation>기한이 지난 주문이 없습니다.</translation>
    </message>
    <message>
        <source>Nothing else is due to ship today.</source>
        <translation>오늘 발송해야 할 다른 주문이 없습니다.</translation>
    </message>
    <message>
        <source>No buyer is waiting for a cancellation.</source>
        <translation>취소를 기다리는 구매자가 없습니다.</translation>
    </message>
    <message>
        <source>No store is connected yet: Help › Get started… connects one (or Settings › Add store…), or tries the demo.</source>
        <translation>아직 연결된 스토어가 없습니다. 도움말 › 시작하기…에서 스토어를 연결하거나(또는 설정 › 스토어 추가…) 데모를 사용해 보세요.</translation>
    </message>
    <message>
        <source>The demo could not be started: run “channelmanager-gui --demo” instead.</source>
        <translation>데모를 시작할 수 없습니다. 대신 “channelmanager-gui --demo”를 실행하세요.</translation>
    </message>
    <message>
        <source>Stores cannot connect: no safe password store (keyring) is available.</source>
        <translation>스토어를 연결할 수 없습니다: 안전한 비밀번호 저장소(키링)가 없습니다.</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>listings</source>
        <translation>상품</translation>
    </message>
</context>
<context>
    <name>LanguageSettings</name>
    <message>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
</context>
<context>
    <name>ListingReason</name>
    <message>
        <source>On Amazon, not matched to a catalog product</source>
        <translation>Amazon에 있지만 카탈로그 상품과 연결되지 않음</translation>
    </message>
    <message>
        <source>Ended by the merchant; can be listed again as it was</source>
        <translation>판매자가 종료함. 그대로 다시 등록할 수 있습니다</translation>
    </message>
    <message>
        <source>Excluded by listing rules</source>
        <translation>등록 규칙에 의해 제외됨</translation>
    </message>
    <message>
        <source>List in progress: sent to Amazon, not yet published</source>
        <translation>등록 중: Amazon에 보냈으며 아직 게시되지 않음</translation>
    </message>
    <message>
        <source>Complete and eligible; automatic listing is off</source>
        <translation>정보가 완전하고 등록 가능함. 자동 등록이 꺼져 있습니다</translation>
    </message>
    <message>
        <source>Missing Condition</source>
        <translation>상품 상태 누락</translation>
    </message>
    <message>
        <source>Missing required information: {attributes}</source>
        <translation>필수 정보 누락: {attributes}</translation>
    </message>
    <message>
        <source>Missing required information: see Amazon&apos;s issues</source>
        <translation>필수 정보 누락: Amazon의 문제 목록을 확인하세요</translation>
    </message>
    <message>
        <source>Buyable on Amazon</source>
        <translation>Amazon에서 구매 가능</translation>
    </message>
    <message>
        <source>Active in Amazon&apos;s listings report</source>
        <translation>Amazon 상품 보고서에서 활성 상태</translation>
    </message>
    <message>
        <source>Amazon reports an unknown listing status ({status})</source>
        <translation>Amazon이 알 수 없는 상품 상태를 보고함({status})</translation>
    </message>
    <message>
        <source>Approval required to sell this (brand or category gating): {message}</source>
        <translation>판매하려면 승인이 필요합니다(브랜드 또는 카테고리 제한): {message}</translation>
    </message>
    <message>
        <source>Suppressed by Amazon: {message}</source>
        <translation>Amazon에서 노출 중지됨: {message}</translation>
    </message>
    <message>
        <source>Amazon reports a problem: {message}</source>
        <translation>Amazon이 문제를 보고함: {message}</translation>
    </message>
    <message>
        <source>Not buyable on Amazon (often: quantity 0)</source>
        <translation>Amazon에서 구매할 수 없음(흔한 원인: 수량 0)</translation>
    </message>
    <message>
        <source>Inactive on Amazon</source>
        <translation>Amazon에서 비활성 상태</translation>
    </message>
    <message>
        <source>Matched to an Amazon listing</source>
        <translation>Amazon 상품과 연결됨</translation>
    </message>
    <message>
        <source>Unable to Assign to Amazon Listing</source>
        <translation>Amazon 상품에 할당할 수 없음</translation>
    </message>
    <message>
        <source>Multiple Matches Found</source>
        <translation>여러 개의 일치 항목이 있음</translation>
    </message>
    <message>
        <source>Has Variants</source>
        <translation>변형 상품이 있음</translation>
    </message>
    <message>
        <source>Being looked up in Amazon&apos;s catalog</source>
        <translation>Amazon 카탈로그에서 찾는 중</translation>
    </message>
    <message>
        <source>Disabled in Commerce; quantity 0 is sent</source>
        <translation>Commerce에서 비활성화됨. 수량 0을 보냅니다</translation>
    </message>
    <message>
        <source>Out of stock: {qty} salable, at or below the out-of-stock threshold {threshold}; quantity 0 is sent</source>
        <translation>품절: 판매 가능 수량 {qty}개가 품절 기준 {threshold}개 이하입니다. 수량 0을 보냅니다</translation>
    </message>
    <message>
        <source>quantity {qty} on the way to Amazon, not applied yet</source>
        <translation>수량 {qty}을(를) Amazon에 보내는 중이며 아직 적용되지 않음</translation>
    </message>
    <message>
        <source>price {price} on the way to Amazon, not applied yet</source>
        <translation>가격 {price}을(를) Amazon에 보내는 중이며 아직 적용되지 않음</translation>
    </message>
    <message>
        <source>quantity {qty} and price {price} on the way to Amazon, not applied yet</source>
        <translation>수량 {qty}과(와) 가격 {price}을(를) Amazon에 보내는 중이며 아직 적용되지 않음</translation>
    </message>
    <message>
        <source>{reason}; {waiting}</source>
        <translation>{reason}. {waiting}</translation>
    </message>
</context>
<context>
    <name>ListingRulesDialog</name>
    <message>
        <source>Listing rules</source>
        <translation>등록 규칙</translation>
    </message>
    <message>
        <source>What this store&apos;s marketplaces are sent for its products, on Walmart and Amazon alike. Stock and prices are read from Commerce and changed by these rules before each push.</source>
        <translation>이 스토어의 상품을 각 마켓플레이스(Walmart와 Amazon 모두)에 보낼 때 적용되는 내용입니다. 재고와 가격은 Commerce에서 읽어 오며, 매번 보내기 전에 이 규칙에 따라 조정됩니다.</translation>
    </message>
    <message>
        <source>Save listing rules</source>
        <translation>등록 규칙 저장</translation>
    </message>
    <message>
        <source>Rules of the account:</source>
        <translation>계정별 규칙:</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>재고</translation>
    </message>
    <message>
        <source>Units held back</source>
        <translation>남겨 둘 수량</translation>
    </message>
    <message>
        <source>Subtracted from the Commerce salable quantity.</source>
        <translation>Commerce 판매 가능 수량에서 뺍니다.</translation>
    </message>
    <message>
        <source>Out-of-stock threshold</source>
        <translation>품절 기준 수량</translation>
    </message>
    <message>
        <source>At or below this quantity, 0 is listed.</source>
        <translation>이 수량 이하이면 0으로 등록합니다.</translation>
    </message>
    <message>
        <source>Maximum listed quantity</source>
        <translation>최대 등록 수량</translation>
    </message>
    <message>
        <source>No maximum</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <source>Never more than this is listed, e.g. 1 for scarcity.</source>
        <translation>이보다 많이 등록하지 않습니다. 예: 희소성을 위해 1.</translation>
    </message>
    <message>
        <source>Price rules</source>
        <translation>가격 규칙</translation>
    </message>
    <message>
        <source>Applied to the Commerce price from priority 1 down (equal priorities from the top), each to the result of the one before, until a rule marked “Stop”; rounded to cents at the end. A result under $0.01 is not sent: the marketplace keeps the last price.</source>
        <translation>우선순위 1부터 차례로 Commerce 가격에 적용되며(우선순위가 같으면 위에서부터), 각 규칙은 앞 규칙의 결과에 적용되고 “중지”로 표시된 규칙에서 멈춥니다. 마지막에 센트 단위로 반올림합니다. 결과가 $0.01 미만이면 보내지 않으며, 마켓플레이스는 마지막 가격을 유지합니다.</translation>
    </message>
    <message>
        <source>Example: a $</source>
        <translation>예: $</translation>
    </message>
    <message>
        <source>Example price</source>
        <translation>예시 가격</translation>
    </message>
    <message>
        <source>product with SKU</source>
        <translation>짜리 상품, SKU</translation>
    </message>
    <message>
        <source>Example SKU</source>
        <translation>예시 SKU</translation>
    </message>
    <message>
        <source>any</source>
        <translation>임의</translation>
    </message>
    <message>
        <source>product: type a price to see what is listed.</source>
        <translation>상품: 가격을 입력하면 등록될 값을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>is not sent a price: the rules bring it under $0.01.</source>
        <translation>상품은 가격을 보내지 않습니다: 규칙 적용 결과가 $0.01 미만입니다.</translation>
    </message>
    <message>
        <source>is listed at ${price}</source>
        <translation>상품은 ${price}에 등록됩니다</translation>
    </message>
    <message>
        <source> (after {rules})</source>
        <translation> ({rules} 적용 후)</translation>
    </message>
</context>
<context>
    <name>ListingState</name>
    <message>
        <source>active</source>
        <translation>판매 중</translation>
    </message>
    <message>
        <source>ready to list</source>
        <translation>등록 준비됨</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>비활성</translation>
    </message>
    <message>
        <source>pending match</source>
        <translation>매칭 대기</translation>
    </message>
    <message>
        <source>unmatched</source>
        <translation>미매칭</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>정보 부족</translation>
    </message>
    <message>
        <source>ineligible</source>
        <translation>판매 불가</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>판매 종료</translation>
    </message>
    <message>
        <source>new third party</source>
        <translation>외부에서 새로 만듦</translation>
    </message>
</context>
<context>
    <name>ListingsPage</name>
    <message>
        <source>Third party</source>
        <translation>제3자</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>In error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>매칭 대기</translation>
    </message>
    <message>
        <source>Load listings</source>
        <translation>상품 불러오기</translation>
    </message>
    <message>
        <source>Listings</source>
        <translation>상품 등록</translation>
    </message>
    <message>
        <source>Add products…</source>
        <translation>상품 추가…</translation>
    </message>
    <message>
        <source>Match on Walmart</source>
        <translation>Walmart에서 매칭</translation>
    </message>
    <message>
        <source>Resend price and stock</source>
        <translation>가격·재고 다시 보내기</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>다시 보내기</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>매칭</translation>
    </message>
    <message>
        <source>Search SKU, name, UPC/EAN or item id</source>
        <translation>SKU, 이름, UPC/EAN 또는 상품 ID 검색</translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) sent for matching on Walmart.</source>
        <translation>
            <numerusform>상품 %n개를 Walmart 매칭에 보냈습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) will get price and stock sent again.</source>
        <translation>
            <numerusform>상품 %n개의 가격과 재고를 다시 보냅니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop syncing %n listing(s)? Their queued updates are dropped. The Walmart items stay as they are: retire them in Seller Center to stop selling.</source>
        <translation>
            <numerusform>상품 %n개의 동기화를 중지할까요? 대기 중인 업데이트는 버려집니다. Walmart 상품은 그대로 남으니, 판매를 멈추려면 Seller Center에서 판매 종료하세요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n listing(s)</source>
        <translation>
            <numerusform>상품 %n개 삭제</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) removed.</source>
        <translation>
            <numerusform>상품 %n개를 삭제했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>No listings match “{search}”. Search looks in SKU, name and identifiers.</source>
        <translation>“{search}”와(과) 일치하는 상품이 없습니다. 검색은 SKU, 이름, 식별 코드에서 찾습니다.</translation>
    </message>
    <message>
        <source>No listings yet — choose the Commerce products to sell on Walmart with “Add products…”.</source>
        <translation>아직 상품이 없습니다 — “상품 추가…”로 Walmart에서 판매할 Commerce 상품을 고르세요.</translation>
    </message>
    <message>
        <source>No listings are {state} right now.</source>
        <translation>현재 “{state}” 상태인 상품이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n개 선택됨</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingsTable</name>
    <message>
        <source>No UPC, EAN, ISBN or GTIN in Commerce</source>
        <translation>Commerce에 UPC, EAN, ISBN 또는 GTIN 없음</translation>
    </message>
    <message>
        <source>Out of stock in Commerce: Walmart shows it unavailable until stock returns</source>
        <translation>Commerce 재고 없음: 재고가 들어올 때까지 Walmart에서 구매 불가로 표시됩니다</translation>
    </message>
    <message>
        <source>Disabled in Commerce: enable the product there to sell it on Walmart</source>
        <translation>Commerce에서 비활성화됨: Walmart에서 팔려면 Commerce에서 상품을 활성화하세요</translation>
    </message>
    <message>
        <source>Several Walmart items match: pick one in Matching</source>
        <translation>Walmart 상품 여러 개가 일치합니다: 매칭에서 하나를 선택하세요</translation>
    </message>
    <message>
        <source>Not on Walmart: the item needs a full setup in Seller Center</source>
        <translation>Walmart에 없음: Seller Center에서 상품을 새로 등록해야 합니다</translation>
    </message>
    <message>
        <source>Sending {price} to {marketplace}</source>
        <translation>{marketplace}(으)로 {price} 보내는 중</translation>
    </message>
    <message>
        <source>Sending quantity {quantity} to {marketplace}</source>
        <translation>{marketplace}(으)로 수량 {quantity} 보내는 중</translation>
    </message>
    <message>
        <source>Price sent {price_sent}; stock sent {stock_sent}</source>
        <translation>가격 전송 {price_sent}, 재고 전송 {stock_sent}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>없음</translation>
    </message>
</context>
<context>
    <name>LocaleFormat</name>
    <message>
        <source>MMM d</source>
        <translation>M월 d일</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy. M. d.</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm:ss</source>
        <translation>yyyy. M. d. HH:mm:ss</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy. M. d. HH:mm</translation>
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
        <translation>Channel Manager — 데모 데이터</translation>
    </message>
    <message>
        <source>Channel Manager</source>
        <translation>Channel Manager</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Get started…</source>
        <translation>시작하기(&amp;G)…</translation>
    </message>
    <message>
        <source>Connect a store, or try the demo</source>
        <translation>스토어를 연결하거나 데모를 사용해 보세요</translation>
    </message>
    <message>
        <source>&amp;About Channel Manager</source>
        <translation>Channel Manager 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>About Channel Manager</source>
        <translation>Channel Manager 정보</translation>
    </message>
    <message>
        <source>Sell your Adobe Commerce / Magento catalog on Walmart Marketplace: listings, prices, stock, orders and returns kept in step from your desktop.</source>
        <translation>Adobe Commerce / Magento 카탈로그를 Walmart Marketplace에서 판매하세요. 상품, 가격, 재고, 주문, 반품을 데스크톱에서 맞춰 둡니다.</translation>
    </message>
</context>
<context>
    <name>MarketplaceFilter</name>
    <message>
        <source>Marketplace</source>
        <translation>마켓</translation>
    </message>
    <message>
        <source>Marketplace: show one marketplace&apos;s rows, or both</source>
        <translation>마켓: 한 마켓의 행만 보거나 모두 보기</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>All marketplaces</source>
        <translation>모든 마켓</translation>
    </message>
</context>
<context>
    <name>MatchPanel</name>
    <message>
        <source>no UPC, EAN, ISBN or GTIN in Commerce</source>
        <translation>Commerce에 UPC, EAN, ISBN 또는 GTIN 없음</translation>
    </message>
    <message>
        <source>Missing: {missing}. Add a valid identifier to the product in Commerce (the attributes read are set in Settings › Edit store › Identifiers); the catalog sync picks it up and the listing can then be matched.</source>
        <translation>누락: {missing}. Commerce에서 상품에 유효한 식별 코드를 추가하세요(읽을 속성은 설정 › 스토어 편집 › 식별 코드에서 정합니다). 카탈로그 동기화 후 이 상품을 매칭할 수 있습니다.</translation>
    </message>
    <message>
        <source>Walmart has {count} catalog items with GTIN {gtin}. Pick the one that is your product; it is set up by match on the next pass.</source>
        <translation>Walmart에 GTIN {gtin}인 카탈로그 상품이 {count}개 있습니다. 내 상품에 해당하는 것을 고르세요. 다음 동기화 때 매칭으로 등록됩니다.</translation>
    </message>
    <message>
        <source>Waiting for Walmart: the next matching pass looks this identifier up.</source>
        <translation>Walmart 대기 중: 다음 매칭 때 이 식별 코드를 조회합니다.</translation>
    </message>
    <message>
        <source>No Walmart catalog item has this identifier</source>
        <translation>이 식별 코드를 가진 Walmart 카탈로그 상품이 없습니다</translation>
    </message>
    <message>
        <source>{reason}. Fix the identifier in Commerce, or set the item up in Seller Center, then match again.</source>
        <translation>{reason}. Commerce에서 식별 코드를 고치거나 Seller Center에서 상품을 등록한 뒤 다시 매칭하세요.</translation>
    </message>
    <message>
        <source>not published yet</source>
        <translation>아직 게시되지 않음</translation>
    </message>
    <message>
        <source>Matched to Walmart item {item} ({published}).</source>
        <translation>Walmart 상품 {item}에 매칭됨({published}).</translation>
    </message>
    <message>
        <source>Matched ({published}).</source>
        <translation>매칭됨({published}).</translation>
    </message>
    <message>
        <source>Not sent for matching yet: use “Match on Walmart”.</source>
        <translation>아직 매칭에 보내지 않았습니다: “Walmart에서 매칭”을 사용하세요.</translation>
    </message>
    <message>
        <source>Select a listing to see what its match needs.</source>
        <translation>상품을 선택하면 매칭에 필요한 것을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>{sku} — {name}</source>
        <translation>{sku} — {name}</translation>
    </message>
    <message>
        <source>Your product (Commerce)</source>
        <translation>내 상품(Commerce)</translation>
    </message>
    <message>
        <source>Price {price}</source>
        <translation>가격 {price}</translation>
    </message>
    <message>
        <source>Untitled Walmart item</source>
        <translation>제목 없는 Walmart 상품</translation>
    </message>
    <message>
        <source>Brand: {brand}</source>
        <translation>브랜드: {brand}</translation>
    </message>
    <message>
        <source>Walmart item {item}</source>
        <translation>Walmart 상품 {item}</translation>
    </message>
    <message>
        <source>Walmart price {price}</source>
        <translation>Walmart 가격 {price}</translation>
    </message>
    <message>
        <source>Chosen — setting up</source>
        <translation>선택됨 — 등록 중</translation>
    </message>
    <message>
        <source>Use this item</source>
        <translation>이 상품 사용</translation>
    </message>
</context>
<context>
    <name>MatchingPage</name>
    <message>
        <source>Matching</source>
        <translation>매칭</translation>
    </message>
    <message>
        <source>Load listings to match</source>
        <translation>매칭할 상품 불러오기</translation>
    </message>
    <message>
        <source>Match on Walmart</source>
        <translation>Walmart에서 매칭</translation>
    </message>
    <message>
        <source>Search SKU, name or identifier</source>
        <translation>SKU, 이름 또는 식별 코드 검색</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Put the listing back among its candidates (Ctrl+Z)</source>
        <translation>이 등록 상품을 후보 목록으로 되돌립니다(Ctrl+Z)</translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) sent for matching on Walmart.</source>
        <translation>
            <numerusform>상품 %n개를 Walmart 매칭에 보냈습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Walmart item {item_id} chosen; it is set up by match next pass.</source>
        <translation>Walmart 상품 {item_id}을(를) 선택했습니다. 다음 동기화 때 매칭으로 등록됩니다.</translation>
    </message>
    <message>
        <source>{sku}: Pick of Walmart item {item_id} undone and its setup request, not sent yet, was withdrawn: pick again among the candidates.</source>
        <translation>{sku}: Walmart 상품 {item_id} 선택을 취소했고, 아직 보내지 않은 등록 요청도 철회했습니다. 후보 중에서 다시 선택하세요.</translation>
    </message>
    <message>
        <source>{sku}: Pick of Walmart item {item_id} undone: pick again among the candidates.</source>
        <translation>{sku}: Walmart 상품 {item_id} 선택을 취소했습니다. 후보 중에서 다시 선택하세요.</translation>
    </message>
    <message>
        <source>{sku} has no pick to undo.</source>
        <translation>{sku}에는 취소할 선택이 없습니다.</translation>
    </message>
    <message>
        <source>Walmart item {item_id} was already sent to Walmart for {sku} (or its sending has begun), so the pick cannot be undone here. Walmart sets the item up by match; if it is the wrong item, retire it in Seller Center, then match the listing again.</source>
        <translation>{sku}의 Walmart 상품 {item_id}이(가) 이미 Walmart로 전송되었거나 전송이 시작되어 여기서는 선택을 취소할 수 없습니다. Walmart가 매칭으로 상품을 설정합니다. 잘못된 상품이라면 Seller Center에서 해당 상품을 종료(retire)한 뒤 다시 매칭하세요.</translation>
    </message>
</context>
<context>
    <name>NoteLine</name>
    <message>
        <source>Note:</source>
        <translation>메모:</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>메모 편집…</translation>
    </message>
    <message>
        <source>Note on this order</source>
        <translation>이 주문의 메모</translation>
    </message>
</context>
<context>
    <name>NoticeWords</name>
    <message>
        <source>{title} for {store}</source>
        <translation>{title} ({store})</translation>
    </message>
    <message numerus="yes">
        <source>Open Orders to see them.</source>
        <translation>
            <numerusform>주문 화면에서 확인하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync problem: {loop}</source>
        <translation>동기화 문제: {loop}</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) cancelled in Commerce</source>
        <translation>
            <numerusform>Commerce에서 취소된 주문 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the marketplace&apos;s reason: open Orders, In error.</source>
        <translation>마켓플레이스에 보낼 사유를 선택하세요: 주문 화면의 오류를 여세요.</translation>
    </message>
    <message>
        <source>A partly shipped order cannot be cancelled on the marketplace from here; nothing was sent. Open Orders, In error.</source>
        <translation>부분 발송된 주문은 여기서 마켓플레이스에 취소할 수 없어 아무것도 보내지 않았습니다. 주문 화면의 오류를 여세요.</translation>
    </message>
    <message numerus="yes">
        <source>%n partly shipped order(s) cancelled in Commerce</source>
        <translation>
            <numerusform>Commerce에서 취소된 부분 발송 주문 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>{title} ({store})</source>
        <translation>{title} ({store})</translation>
    </message>
    <message numerus="yes">
        <source>%n new order(s)</source>
        <translation>
            <numerusform>새 주문 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>{title} ({marketplaces})</source>
        <translation>{title} ({marketplaces})</translation>
    </message>
    <message numerus="yes">
        <source>%n new {marketplace} order(s)</source>
        <translation>
            <numerusform>새 {marketplace} 주문 %n건</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <source>Select one order.</source>
        <translation>주문을 하나 선택하세요.</translation>
    </message>
    <message>
        <source>Ship and cancel one order at a time.</source>
        <translation>발송과 취소는 한 번에 한 주문씩만 할 수 있습니다.</translation>
    </message>
    <message>
        <source>Ship order {order}</source>
        <translation>주문 {order} 발송</translation>
    </message>
    <message numerus="yes">
        <source>Shipment of %n item(s) of order {order} queued for {marketplace} and Commerce.</source>
        <translation>
            <numerusform>주문 {order}의 상품 %n개 발송이 대기열에 추가되었습니다({marketplace} 및 Commerce로 전송).</numerusform>
        </translation>
    </message>
    <message>
        <source>Order {order} cancelled ({reason}); {marketplace} is being told.</source>
        <translation>주문 {order}이(가) 취소되었습니다({reason}). {marketplace}에 알리는 중입니다.</translation>
    </message>
    <message>
        <source>Order {order} cancelled ({reason}); {marketplace} and Commerce are being told.</source>
        <translation>주문 {order}이(가) 취소되었습니다({reason}). {marketplace} 및 Commerce에 알리는 중입니다.</translation>
    </message>
    <message>
        <source>Cancel order {order}</source>
        <translation>주문 {order} 취소</translation>
    </message>
    <message numerus="yes">
        <source>Retry %n order(s)</source>
        <translation>
            <numerusform>주문 %n건 재시도</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying %n order(s).</source>
        <translation>
            <numerusform>주문 %n건을 재시도합니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <source>at the {step} step</source>
        <translation>“{step}” 단계에서</translation>
    </message>
    <message>
        <source>(reference to quote if you ask for support: {reference})</source>
        <translation>(지원 요청 시 알려 줄 참조 번호: {reference})</translation>
    </message>
    <message>
        <source>(reference to quote to Walmart support: {reference})</source>
        <translation>(Walmart 지원팀에 알려 줄 참조 번호: {reference})</translation>
    </message>
    <message>
        <source> — &lt;a href=&quot;{url}&quot;&gt;open it in the Commerce admin&lt;/a&gt;</source>
        <translation> — &lt;a href=&quot;{url}&quot;&gt;Commerce 관리자에서 열기&lt;/a&gt;</translation>
    </message>
    <message>
        <source> — find it by SKU in the Commerce admin (Catalog &gt; Products)</source>
        <translation> — Commerce 관리자에서 SKU로 찾으세요(Catalog &gt; Products)</translation>
    </message>
    <message>
        <source>&lt;br&gt;Retry fails again until this is fixed in Commerce:</source>
        <translation>&lt;br&gt;Commerce에서 다음을 고치기 전에는 재시도가 다시 실패합니다:</translation>
    </message>
    <message>
        <source>&lt;br&gt;Fix it there and click Retry, or cancel the order on Walmart as “Out of stock”.</source>
        <translation>&lt;br&gt;Commerce에서 고친 뒤 재시도를 누르거나, Walmart에서 “재고 없음” 사유로 주문을 취소하세요.</translation>
    </message>
</context>
<context>
    <name>OrderDetailParts</name>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
</context>
<context>
    <name>OrderDetailView</name>
    <message>
        <source>Nothing has shipped yet.</source>
        <translation>아직 발송된 상품이 없습니다.</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>주문 상품</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>발송</translation>
    </message>
    <message>
        <source>Timeline (newest first)</source>
        <translation>타임라인(최신순)</translation>
    </message>
    <message>
        <source>← All orders</source>
        <translation>← 전체 주문</translation>
    </message>
    <message>
        <source>Back to all orders (Esc, Alt+Left)</source>
        <translation>전체 주문으로 돌아가기(Esc, Alt+←)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>재시도</translation>
    </message>
    <message>
        <source>Ship…</source>
        <translation>발송…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>주문 취소…</translation>
    </message>
    <message>
        <source>Cancel as out of stock…</source>
        <translation>재고 없음으로 취소…</translation>
    </message>
    <message>
        <source>Choose reason for {marketplace}…</source>
        <translation>{marketplace} 사유 선택…</translation>
    </message>
    <message>
        <source>Send the cancellation made in Commerce to {marketplace} with a reason.</source>
        <translation>Commerce에서 한 취소를 사유와 함께 {marketplace}에 보냅니다.</translation>
    </message>
    <message>
        <source>Cancel the whole order on {marketplace}.</source>
        <translation>{marketplace}에서 주문 전체를 취소합니다.</translation>
    </message>
    <message>
        <source>Cancel the whole order on {marketplace} with the reason “Out of stock”.</source>
        <translation>{marketplace}에서 “재고 없음” 사유로 주문 전체를 취소합니다.</translation>
    </message>
    <message>
        <source>Sent to {marketplace}</source>
        <translation>{marketplace} 전송</translation>
    </message>
    <message>
        <source>Walmart PO {po}</source>
        <translation>Walmart 구매 주문 {po}</translation>
    </message>
    <message>
        <source>{marketplace} order {po}</source>
        <translation>{marketplace} 주문 {po}</translation>
    </message>
    <message>
        <source>  ·  Commerce order {order}</source>
        <translation>  ·  Commerce 주문 {order}</translation>
    </message>
    <message>
        <source>Enter the tracking number and ship.</source>
        <translation>운송장 번호를 입력하고 발송합니다.</translation>
    </message>
    <message>
        <source>Retry fails again until the product is fixed in Commerce.</source>
        <translation>Commerce에서 상품을 고치기 전에는 재시도가 다시 실패합니다.</translation>
    </message>
    <message>
        <source>Send the failed step again.</source>
        <translation>실패한 단계를 다시 보냅니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Error {step}:&lt;/b&gt;</source>
        <translation>&lt;b&gt;{step} 오류:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Error:&lt;/b&gt;</source>
        <translation>&lt;b&gt;오류:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The buyer asked {marketplace} to cancel this order.&lt;/b&gt; Cancel it with the reason “Buyer asked to cancel”, or ship it anyway if it has already left.</source>
        <translation>&lt;b&gt;구매자가 {marketplace}에 이 주문의 취소를 요청했습니다.&lt;/b&gt; ‘구매자 취소 요청’ 사유로 취소하거나, 이미 출고되었다면 그대로 배송하세요.</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>아직</translation>
    </message>
</context>
<context>
    <name>OrderFilterBar</name>
    <message>
        <source>Search marketplace order, customer order, Commerce order, customer or tracking number</source>
        <translation>마켓 주문, 고객 주문, Commerce 주문, 고객 또는 운송장 번호 검색</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>전체 상태</translation>
    </message>
    <message>
        <source>Any status ({count})</source>
        <translation>전체 상태 ({count})</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>Imported</source>
        <translation>가져옴</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <source>Created in Commerce</source>
        <translation>Commerce에 생성됨</translation>
    </message>
    <message>
        <source>Partially shipped</source>
        <translation>부분 발송</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>발송됨</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Return requested</source>
        <translation>반품 요청됨</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>환불됨</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
</context>
<context>
    <name>OrderTools</name>
    <message numerus="yes">
        <source>%n order(s) shipped; queued for Walmart and Commerce.</source>
        <translation>
            <numerusform>주문 %n건 발송됨. Walmart와 Commerce 전송 대기 중입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source> Not shipped — {refused}</source>
        <translation> 발송 안 됨 — {refused}</translation>
    </message>
    <message>
        <source>Ship several orders</source>
        <translation>여러 주문 발송</translation>
    </message>
    <message>
        <source>More</source>
        <translation>더 보기</translation>
    </message>
    <message>
        <source>Packing slip…</source>
        <translation>포장 명세서…</translation>
    </message>
</context>
<context>
    <name>OrdersChart</name>
    <message>
        <source>{title} — no orders yet</source>
        <translation>{title} — 아직 주문 없음</translation>
    </message>
</context>
<context>
    <name>OrdersEmptyState</name>
    <message>
        <source>Show all orders</source>
        <translation>전체 주문 보기</translation>
    </message>
    <message>
        <source>No orders yet</source>
        <translation>아직 주문이 없습니다</translation>
    </message>
    <message>
        <source>Nothing needs you here right now.</source>
        <translation>지금은 여기서 처리할 일이 없습니다.</translation>
    </message>
    <message>
        <source>No orders match these filters</source>
        <translation>이 조건에 맞는 주문이 없습니다</translation>
    </message>
    <message>
        <source>Search looks in both order numbers, the customer order and the customer.</source>
        <translation>검색은 두 주문 번호, 고객 주문 번호, 고객에서 찾습니다.</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Load orders</source>
        <translation>주문 불러오기</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Ship…</source>
        <translation>발송…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>주문 취소…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>재시도</translation>
    </message>
    <message>
        <source>Copy order numbers</source>
        <translation>주문 번호 복사</translation>
    </message>
    <message>
        <source>Packing slip…</source>
        <translation>포장 명세서…</translation>
    </message>
    <message>
        <source>Ship several…</source>
        <translation>여러 건 발송…</translation>
    </message>
    <message>
        <source>Select one order to open.</source>
        <translation>열 주문을 하나 선택하세요.</translation>
    </message>
    <message>
        <source>Retry is for orders in error.</source>
        <translation>재시도는 오류가 난 주문에만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Select orders to copy their numbers.</source>
        <translation>번호를 복사할 주문을 선택하세요.</translation>
    </message>
    <message>
        <source>Select orders to print their packing slips.</source>
        <translation>포장 명세서를 인쇄할 주문을 선택하세요.</translation>
    </message>
    <message numerus="yes">
        <source>Retry %n order(s)</source>
        <translation>
            <numerusform>주문 %n건 재시도</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n개 선택됨</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersTable</name>
    <message>
        <source>Overdue · {date}</source>
        <translation>기한 지남 · {date}</translation>
    </message>
    <message>
        <source>Today {time}</source>
        <translation>오늘 {time}</translation>
    </message>
    <message>
        <source>Buyer asked to cancel</source>
        <translation>구매자가 취소 요청</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Error: {error} — open the order to retry.</source>
        <translation>오류: {error} — 주문을 열어 재시도하세요.</translation>
    </message>
    <message>
        <source>The buyer asked {marketplace} to cancel: cancel the order, or ship it anyway.</source>
        <translation>구매자가 {marketplace}에 취소를 요청했습니다. 주문을 취소하거나 그대로 배송하세요.</translation>
    </message>
    <message>
        <source>The ship-by date has passed; Walmart cancels late orders by itself.</source>
        <translation>발송 기한이 지났습니다. Walmart는 늦은 주문을 자동으로 취소합니다.</translation>
    </message>
    <message>
        <source>The ship-by date has passed.</source>
        <translation>배송 기한이 지났습니다.</translation>
    </message>
    <message>
        <source>Must ship today.</source>
        <translation>오늘 발송해야 합니다.</translation>
    </message>
</context>
<context>
    <name>PackingSlipDialog</name>
    <message>
        <source>Packing slip — order {po}</source>
        <translation>포장 명세서 — 주문 {po}</translation>
    </message>
    <message numerus="yes">
        <source>Packing slips — %n orders</source>
        <translation>
            <numerusform>포장 명세서 — 주문 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slip(s), one page per order.</source>
        <translation>
            <numerusform>포장 명세서 %n장, 주문마다 한 페이지.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF로 저장…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>인쇄…</translation>
    </message>
    <message>
        <source>Save packing slips</source>
        <translation>포장 명세서 저장</translation>
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
        <translation>검색</translation>
    </message>
    <message>
        <source>Products imported: {summary}</source>
        <translation>상품을 가져왔습니다: {summary}</translation>
    </message>
</context>
<context>
    <name>PriceRulesTable</name>
    <message>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>적용 대상</translation>
    </message>
    <message>
        <source>SKUs or pattern</source>
        <translation>SKU 또는 패턴</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Stop further</source>
        <translation>이후 중지</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>규칙 추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>모든 상품</translation>
    </message>
    <message>
        <source>These SKUs</source>
        <translation>지정한 SKU</translation>
    </message>
    <message>
        <source>SKUs matching</source>
        <translation>패턴과 일치하는 SKU</translation>
    </message>
    <message>
        <source>“SKUs matching” takes a pattern: * any characters, ? one.</source>
        <translation>“패턴과 일치하는 SKU”에는 패턴을 입력합니다: *는 임의의 여러 글자, ?는 한 글자.</translation>
    </message>
    <message>
        <source>Increase by %</source>
        <translation>% 인상</translation>
    </message>
    <message>
        <source>Decrease by %</source>
        <translation>% 인하</translation>
    </message>
    <message>
        <source>Increase by an amount</source>
        <translation>금액만큼 인상</translation>
    </message>
    <message>
        <source>Decrease by an amount</source>
        <translation>금액만큼 인하</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Rule {number}</source>
        <translation>규칙 {number}</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>Credit memo #{id}</source>
        <translation>대변 메모 #{id}</translation>
    </message>
    <message>
        <source>RMA #{id}</source>
        <translation>RMA #{id}</translation>
    </message>
    <message>
        <source>Awaiting a credit memo</source>
        <translation>대변 메모 대기 중</translation>
    </message>
    <message>
        <source>Load returns</source>
        <translation>반품 불러오기</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>반품</translation>
    </message>
    <message numerus="yes">
        <source>Refund {marketplace} return {return_id} (customer order {customer_order}, %n unit(s), {amount}) on {marketplace} now, without waiting for a credit memo in Commerce?

{marketplace} refunds the buyer; if the order was invoiced in Commerce, a credit memo is made there too.</source>
        <translation>
            <numerusform>Commerce의 대변 메모를 기다리지 않고 지금 {marketplace}에서 {marketplace} 반품 {return_id}(고객 주문 {customer_order}, %n개, {amount})을(를) 환불할까요?

{marketplace}에서 구매자에게 환불하며, Commerce에서 송장이 발행된 주문이면 그곳에도 대변 메모가 만들어집니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refund {marketplace} return {return_id}</source>
        <translation>{marketplace} 반품 {return_id} 환불</translation>
    </message>
    <message numerus="yes">
        <source>Refund of {marketplace} return {return_id} queued (%n unit(s), order {order}).</source>
        <translation>
            <numerusform>{marketplace} 반품 {return_id}의 환불이 대기열에 들어갔습니다(%n개, 주문 {order}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Refund {marketplace} return {return_id} on {marketplace} now.</source>
        <translation>지금 {marketplace}에서 {marketplace} 반품 {return_id}을(를) 환불합니다.</translation>
    </message>
</context>
<context>
    <name>RulesSummary</name>
    <message>
        <source>the Commerce salable quantity</source>
        <translation>Commerce 판매 가능 수량</translation>
    </message>
    <message>
        <source>, less {units} held back</source>
        <translation>, 남겨 둘 {units}개 제외</translation>
    </message>
    <message>
        <source>; 0 at or below {units}</source>
        <translation>; {units}개 이하이면 0</translation>
    </message>
    <message>
        <source>; at most {units}</source>
        <translation>; 최대 {units}개</translation>
    </message>
    <message>
        <source>the Commerce price</source>
        <translation>Commerce 가격</translation>
    </message>
    <message>
        <source> through the price rules {names}</source>
        <translation>, 가격 규칙 {names} 적용</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Listed stock:&lt;/b&gt; {stock}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Listed price:&lt;/b&gt; {price}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;등록 재고:&lt;/b&gt; {stock}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;등록 가격:&lt;/b&gt; {price}.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>스토어</translation>
    </message>
    <message>
        <source>Each store links a Commerce store view to a Walmart seller account and, if you add one, an Amazon seller account (Amazon account…). Sync intervals and identifier attributes are set per store (Edit), the stock and prices sent to marketplaces under Listing rules. Secrets stay in the system keyring.</source>
        <translation>각 스토어는 Commerce 스토어 뷰 하나를 Walmart 판매자 계정 하나와, 추가한 경우 Amazon 판매자 계정(Amazon 계정…)과도 연결합니다. 동기화 간격과 식별 코드 속성은 스토어마다 설정하며(편집), 마켓플레이스로 보내는 재고와 가격은 등록 규칙에서 설정합니다. 비밀 정보는 시스템 키링에 보관됩니다.</translation>
    </message>
    <message>
        <source>Add store…</source>
        <translation>스토어 추가…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <source>Listing rules…</source>
        <translation>등록 규칙…</translation>
    </message>
    <message>
        <source>Stock and price rules of the selected store</source>
        <translation>선택한 스토어의 재고 및 가격 규칙</translation>
    </message>
    <message>
        <source>Amazon account…</source>
        <translation>Amazon 계정…</translation>
    </message>
    <message>
        <source>Add, edit and test the store&apos;s Amazon account</source>
        <translation>이 스토어의 Amazon 계정 추가, 편집, 테스트</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Sync and rules of the selected store</source>
        <translation>선택한 스토어의 동기화와 규칙</translation>
    </message>
    <message>
        <source>{name} (demo)</source>
        <translation>{name} (데모)</translation>
    </message>
    <message>
        <source>No store yet: add your Commerce store and Walmart account.</source>
        <translation>아직 스토어가 없습니다. Commerce 스토어와 Walmart 계정을 추가하세요.</translation>
    </message>
    <message>
        <source>Store added. Syncing picks up the change.</source>
        <translation>스토어를 추가했습니다. 동기화에 반영됩니다.</translation>
    </message>
    <message>
        <source>Store saved. Syncing picks up the change.</source>
        <translation>스토어를 저장했습니다. 동기화에 반영됩니다.</translation>
    </message>
    <message>
        <source>listing rules saved</source>
        <translation>등록 규칙을 저장했습니다</translation>
    </message>
    <message>
        <source>Amazon account saved</source>
        <translation>Amazon 계정이 저장되었습니다</translation>
    </message>
    <message>
        <source>Remove “{name}”? Its listings, orders and history are deleted from this computer and its secrets from the keyring. Nothing changes in Commerce or on Walmart.</source>
        <translation>“{name}”을(를) 삭제할까요? 상품, 주문, 기록이 이 컴퓨터에서 삭제되고 비밀 정보가 키링에서 삭제됩니다. Commerce와 Walmart에는 아무 변화가 없습니다.</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>{name} 삭제</translation>
    </message>
    <message>
        <source>Store removed. Syncing picks up the change.</source>
        <translation>스토어를 삭제했습니다. 동기화에 반영됩니다.</translation>
    </message>
</context>
<context>
    <name>SettingsSummary</name>
    <message>
        <source>{check} every {interval}</source>
        <translation>{check}: {interval}마다</translation>
    </message>
    <message>
        <source>cancelled on Walmart as “{reason}”</source>
        <translation>Walmart에서 “{reason}” 사유로 취소</translation>
    </message>
    <message>
        <source>held until you choose Walmart&apos;s reason</source>
        <translation>Walmart 사유를 고를 때까지 보류</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Order cancelled in Commerce:&lt;/b&gt; {cancel}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Identifiers read from:&lt;/b&gt; {attributes}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Shipments:&lt;/b&gt; from the Commerce source “{source}”, which Commerce takes the stock from.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Checks:&lt;/b&gt; {checks}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Commerce order e-mail:&lt;/b&gt; {email} (Commerce&apos;s order, invoice and shipment e-mails go there, never to the marketplace&apos;s buyer).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Commerce에서 취소된 주문:&lt;/b&gt; {cancel}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;식별 코드를 읽는 속성:&lt;/b&gt; {attributes}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;발송:&lt;/b&gt; Commerce 재고 소스 “{source}”에서 — Commerce가 이 소스의 재고를 차감합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;확인 주기:&lt;/b&gt; {checks}.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Commerce 주문 이메일:&lt;/b&gt; {email} (Commerce의 주문·송장·발송 이메일은 이 주소로 가며, 마켓플레이스 구매자에게는 절대 가지 않습니다).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes}분</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Ship order {order}</source>
        <translation>주문 {order} 발송</translation>
    </message>
    <message>
        <source> · Commerce order {order}</source>
        <translation> · Commerce 주문 {order}</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>고객</translation>
    </message>
    <message numerus="yes">
        <source>{customer} · %n item(s) left to ship</source>
        <translation>
            <numerusform>{customer} · 발송할 상품 %n개 남음</numerusform>
        </translation>
    </message>
    <message>
        <source> · ship by {date}</source>
        <translation> · 발송 기한 {date}</translation>
    </message>
    <message>
        <source>Ship part of it now and the rest later if you need to.</source>
        <translation>필요하면 일부만 지금 발송하고 나머지는 나중에 발송할 수 있습니다.</translation>
    </message>
    <message>
        <source>Choose a carrier…</source>
        <translation>택배사 선택…</translation>
    </message>
    <message>
        <source>Other (type its name)</source>
        <translation>기타(이름 입력)</translation>
    </message>
    <message>
        <source>Carrier name as on the label</source>
        <translation>라벨에 적힌 택배사 이름</translation>
    </message>
    <message>
        <source>As printed on the label</source>
        <translation>라벨에 인쇄된 그대로</translation>
    </message>
    <message>
        <source>https://… (optional)</source>
        <translation>https://… (선택)</translation>
    </message>
    <message>
        <source>https://… (optional; needed for an unlisted carrier)</source>
        <translation>https://… (선택 사항, 목록에 없는 택배사는 필수)</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>택배사</translation>
    </message>
    <message>
        <source>Carrier name</source>
        <translation>택배사 이름</translation>
    </message>
    <message>
        <source>Shipping method</source>
        <translation>배송 방법</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>운송장 번호</translation>
    </message>
    <message>
        <source>Tracking link</source>
        <translation>배송 추적 링크</translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation>발송일</translation>
    </message>
    <message>
        <source>Items in this shipment</source>
        <translation>이번 발송 상품</translation>
    </message>
    <message>
        <source>Quantity of {sku} to ship now</source>
        <translation>{sku} 이번 발송 수량</translation>
    </message>
    <message numerus="yes">
        <source>Ship %n item(s)</source>
        <translation>
            <numerusform>상품 %n개 발송</numerusform>
        </translation>
    </message>
    <message>
        <source>{date} — passed</source>
        <translation>{date} — 지남</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>오늘 {time}</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>발송</translation>
    </message>
    <message>
        <source>Ship anyway — the buyer asked {marketplace} to cancel this order</source>
        <translation>그래도 배송 — 구매자가 {marketplace}에 이 주문의 취소를 요청했습니다</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ship {marketplace} order {po}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{marketplace} 주문 {po} 배송&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Don&apos;t ship</source>
        <translation>발송하지 않음</translation>
    </message>
    <message>
        <source>Other (name it)</source>
        <translation>기타(이름 입력)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Everywhere</source>
        <translation>어디서나</translation>
    </message>
    <message>
        <source>{menu} menu</source>
        <translation>{menu} 메뉴</translation>
    </message>
    <message>
        <source>{page} page</source>
        <translation>{page} 화면</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>위치</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>No sync has run yet</source>
        <translation>아직 동기화가 실행되지 않았습니다</translation>
    </message>
    <message>
        <source>Last sync: {loops}</source>
        <translation>마지막 동기화: {loops}</translation>
    </message>
</context>
<context>
    <name>StatusPill</name>
    <message>
        <source>Status: {status}</source>
        <translation>상태: {status}</translation>
    </message>
</context>
<context>
    <name>StoreDialog</name>
    <message>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Sync and rules</source>
        <translation>동기화와 규칙</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>식별 코드</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>연결 테스트</translation>
    </message>
    <message>
        <source>Save store</source>
        <translation>스토어 저장</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>스토어 이름</translation>
    </message>
    <message>
        <source>e.g. Main shop</source>
        <translation>예: 본점</translation>
    </message>
    <message>
        <source>Commerce URL</source>
        <translation>Commerce URL</translation>
    </message>
    <message>
        <source>Store view code</source>
        <translation>스토어 뷰 코드</translation>
    </message>
    <message>
        <source>Walmart API URL</source>
        <translation>Walmart API URL</translation>
    </message>
    <message>
        <source>The access token comes from Commerce Admin &gt; System &gt; Extensions &gt; Integrations; the Client ID and Secret from Walmart Seller Center &gt; Settings &gt; API Key Management. Secrets are kept in the system keyring, never in the database.</source>
        <translation>액세스 토큰은 Commerce 관리자 &gt; System &gt; Extensions &gt; Integrations에서, Client ID와 Secret은 Walmart Seller Center &gt; Settings &gt; API Key Management에서 받습니다. 비밀 정보는 데이터베이스가 아닌 시스템 키링에 보관됩니다.</translation>
    </message>
    <message>
        <source>Ship from source</source>
        <translation>발송 재고 소스</translation>
    </message>
    <message>
        <source>The Commerce inventory source (Stores &gt; Inventory &gt; Sources) that shipments made here name, so Commerce takes the stock from where you ship. Single-source shops: default.</source>
        <translation>여기서 만든 발송에 지정되는 Commerce 재고 소스(Stores &gt; Inventory &gt; Sources)로, Commerce가 실제 발송지의 재고를 차감합니다. 소스가 하나인 스토어: default.</translation>
    </message>
    <message>
        <source>Cancel on Walmart as “{label}”</source>
        <translation>Walmart에서 “{label}” 사유로 취소</translation>
    </message>
    <message>
        <source>Order cancelled in Commerce</source>
        <translation>Commerce에서 취소된 주문</translation>
    </message>
    <message>
        <source>Edit store</source>
        <translation>스토어 편집</translation>
    </message>
    <message>
        <source>Add a store</source>
        <translation>스토어 추가</translation>
    </message>
    <message>
        <source>Settings &gt; Listing rules… (held back, threshold, price rules)</source>
        <translation>설정 &gt; 등록 규칙…(남겨 둘 수량, 기준 수량, 가격 규칙)</translation>
    </message>
    <message>
        <source>Stock and price sent</source>
        <translation>보내는 재고와 가격</translation>
    </message>
    <message>
        <source>Commerce order e-mail</source>
        <translation>Commerce 주문 이메일</translation>
    </message>
    <message>
        <source>The e-mail of every Commerce order made for a Walmart order. Commerce sends its order, invoice and shipment e-mails there; Walmart forbids writing to its buyers, so it is never the buyer&apos;s address. Empty: an address that reaches nobody.</source>
        <translation>Walmart 주문으로 만든 모든 Commerce 주문에 쓰이는 이메일입니다. Commerce는 주문·송장·발송 이메일을 이 주소로 보냅니다. Walmart는 구매자에게 직접 연락하는 것을 금지하므로 구매자 주소는 절대 쓰지 않습니다. 비워 두면: 아무에게도 가지 않는 주소를 씁니다.</translation>
    </message>
    <message>
        <source>every </source>
        <translation>매 </translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Testing Commerce and Walmart…</source>
        <translation>Commerce와 Walmart 테스트 중…</translation>
    </message>
</context>
<context>
    <name>SyncCounts</name>
    <message numerus="yes">
        <source>%n open error(s)</source>
        <translation>
            <numerusform>해결되지 않은 오류 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncText</name>
    <message>
        <source>just now</source>
        <translation>방금</translation>
    </message>
    <message>
        <source>%n min ago</source>
        <translation>%n분 전</translation>
    </message>
    <message>
        <source>%n h ago</source>
        <translation>%n시간 전</translation>
    </message>
    <message>
        <source>MMM d</source>
        <translation>M월 d일</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>아직 동기화 안 됨</translation>
    </message>
    <message>
        <source>{state} · last sync {when}</source>
        <translation>{state} · 마지막 동기화 {when}</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>마지막 동기화: {when}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>아직 없음</translation>
    </message>
    <message>
        <source>Last sync: {done} of {total} loops have run</source>
        <translation>마지막 동기화: 동기화 작업 {total}개 중 {done}개 실행됨</translation>
    </message>
    <message>
        <source>Last sync: {total} loops, the oldest {when}</source>
        <translation>마지막 동기화: 동기화 작업 {total}개, 가장 오래된 것 {when}</translation>
    </message>
</context>
<context>
    <name>Thumbnail</name>
    <message>
        <source>Product image</source>
        <translation>상품 이미지</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Store</source>
        <translation>스토어</translation>
    </message>
    <message>
        <source>Find an order, SKU or tracking number</source>
        <translation>주문, SKU 또는 운송장 번호 찾기</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>지금 동기화</translation>
    </message>
    <message>
        <source>Resume sync</source>
        <translation>동기화 재개</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Open Channel Manager</source>
        <translation>Channel Manager 열기</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>지금 동기화</translation>
    </message>
    <message>
        <source>Pause sync</source>
        <translation>동기화 일시 중지</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Resume sync</source>
        <translation>동기화 재개</translation>
    </message>
</context>
</TS>
